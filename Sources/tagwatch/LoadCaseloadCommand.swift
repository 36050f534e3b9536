import ArgumentParser
import Foundation
import TagwatchCaseload
import TagwatchStore

/// `tagwatch caseload load FILE`: checks the document merged into the caseload already
/// kept (caseload.md: loading again upserts by `id`), and applies it only if all of it
/// is valid; otherwise lists every problem by the document's JSON paths.
struct LoadCaseloadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Validate a caseload document and apply it (upsert by id).",
        discussion: "Exit status: 0 when applied, 3 when it has problems (nothing applied), 1 when it cannot be read."
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: "The caseload document (JSON).")
    var file: String

    @Option(help: "Who loads it, for the audit log (default: the login name).")
    var by: String = ProcessInfo.processInfo.environment["USER"] ?? ProcessInfo.processInfo.environment["LOGNAME"] ?? "unknown"

    func run() throws {
        let data = try CaseloadFile.read(file)
        let store = try store.open()
        do {
            switch try store.load(caseloadDocument: data, by: by, at: Int64(Date().timeIntervalSince1970 * 1000)) {
            case .failure(let failure):
                print("\(file): nothing applied: \(failure)")
                throw ExitCode(3)
            case .success(let load):
                let (changes, caseload) = (load.changes, load.caseload)
                print("\(file): applied: \(changes.added) added, \(changes.changed) changed, \(changes.unchanged) unchanged; the caseload now holds \(caseload.officers.count) officers, \(caseload.subjects.count) subjects, \(caseload.orders.count) orders, \(caseload.devices.count) device assignments, \(caseload.absences.count) authorised absences")
            }
        } catch let error as StoreError {
            throw CleanExit.message("error: \(error.description).", code: 1)
        }
    }
}
