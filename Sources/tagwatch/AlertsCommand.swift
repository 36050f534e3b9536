import ArgumentParser
import Foundation
import TagwatchStore

/// `tagwatch alerts [--status S] [--format table|json|ndjson]`: alerts, newest first
/// (alerts.md, command-line contract).
struct AlertsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts",
        abstract: "List alerts, newest first."
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "open, acknowledged, resolved or all.")
    var status: StatusFilter = .all

    @Option(help: "table, json (one array) or ndjson (one alert per line).")
    var format: AlertFormat = .table

    func run() throws {
        let alerts: [StoredAlert]
        do {
            alerts = try store.open().alerts(status: status)
        } catch let error as StoreError {
            throw CleanExit.message("error: \(error.description).", code: 1)
        }
        print(format.render(alerts), terminator: "")
    }
}

extension StatusFilter: ExpressibleByArgument {}

enum AlertFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, ndjson

    func render(_ alerts: [StoredAlert]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func json(_ value: some Encodable) -> String {
            String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self)
        }
        switch self {
        case .json: return json(alerts) + "\n"
        case .ndjson: return alerts.map { json($0) + "\n" }.joined()
        case .table: return AlertTable(alerts: alerts).render()
        }
    }
}
