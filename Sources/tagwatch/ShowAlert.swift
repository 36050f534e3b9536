import ArgumentParser
import Foundation
import TagwatchCaseload
import TagwatchStore

/// `tagwatch alerts show ID`: the alert, its evidence, its history and the readings
/// around its episode read back from the kept streams.
struct ShowAlert: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show an alert: its details, evidence, history and the readings around it.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The alert's id.") var id: Int64
    @Option(help: "Output format: text or json.") var format: ReviewFormat = .text

    func run() throws {
        let alert: StoredAlert
        do {
            guard let found = try StoreOptions.openExisting(store.path).alert(id: id) else {
                throw CleanExit.message("error: there is no alert \(id) (list them with `tagwatch alerts`).", code: 1)
            }
            alert = found
        } catch let error as StoreError {
            throw CleanExit.message("error: \(error.description).", code: 1)
        }
        switch format {
        case .json: print(AlertJSON.text(alert))
        case .text: print(AlertReport(alert: alert).render(), terminator: "")
        }
    }
}
