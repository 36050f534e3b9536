import ArgumentParser
import Foundation
import TagwatchRules
import TagwatchStore

/// `tagwatch alerts [list] | show | ack | note | resolve` (alerts.md, command-line
/// contract): listing is the default, so `tagwatch alerts --status open` lists.
struct AlertsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts",
        abstract: "List alerts, show one, and act on them.",
        subcommands: [ListAlerts.self, ShowAlert.self, AcknowledgeAlert.self, NoteAlert.self, ResolveAlert.self],
        defaultSubcommand: ListAlerts.self
    )
}

/// `tagwatch alerts [--status S] [--type T] [--severity S] [--subject ID] [--officer ID]
/// [--format table|json|ndjson]`: alerts, newest first.
struct ListAlerts: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List alerts, newest first.")

    @OptionGroup var store: StoreOptions

    @Option(help: "open, acknowledged, resolved or all.")
    var status: StatusFilter = .all

    @Option(help: "Only this type, e.g. curfew.absence.")
    var type: String?

    @Option(help: "Only this severity: critical, high, medium or low.")
    var severity: Severity?

    @Option(help: "Only this subject's alerts.")
    var subject: String?

    @Option(help: "Only alerts for this officer's caseload.")
    var officer: String?

    @Option(help: "table, json (one array) or ndjson (one alert per line).")
    var format: AlertFormat = .table

    enum Severity: String, ExpressibleByArgument, CaseIterable { case critical, high, medium, low }

    /// Every type rules.md and alerts.md name, including those the worker raises.
    static let knownTypes = AlertType.allCases.map(\.rawValue)
        + ["transition.order_ending", "transition.order_ended", "system.delivery_failed"]

    func validate() throws {
        if let type, !Self.knownTypes.contains(type) {
            throw ValidationError("'\(type)' is no alert type; one of: \(Self.knownTypes.joined(separator: ", ")).")
        }
    }

    func run() throws {
        let filter = AlertFilter(status: status, type: type, severity: severity?.rawValue, subject: subject, officer: officer)
        let alerts: [StoredAlert]
        do {
            alerts = try StoreOptions.openExisting(store.path).alerts(filter)
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
        switch self {
        case .json: return AlertJSON.text(alerts) + "\n"
        case .ndjson: return alerts.map { AlertJSON.text($0) + "\n" }.joined()
        case .table: return AlertTable(alerts: alerts).render()
        }
    }
}

/// Alerts as the contract's JSON: sorted keys, slashes as they are.
enum AlertJSON {
    static func text(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self)
    }
}
