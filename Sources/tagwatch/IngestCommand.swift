import ArgumentParser
import Foundation
import TagwatchIngest
import TagwatchRules
import TagwatchStore

/// `tagwatch ingest [--now T] [--format text|json] FILE...` (alerts.md, command-line
/// contract).
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Ingest streams as one batch and report what was accepted and rejected.",
        discussion: """
            Exit status: 0 when everything was read; 3 when some records or bytes were \
            rejected (the rest is ingested); 1 on a usage or fatal error.
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "Move the watermark on to this instant for this batch (RFC 3339).")
    var now: InstantArgument?

    @Option(help: "A rules file (JSON) changing the rules' defaults.")
    var rules: String?

    @Option(help: "Output format: text or json.")
    var format: ReportFormat = .text

    @Argument(help: "Stream files; '-' reads standard input.")
    var files: [String]

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("Give at least one stream file, or '-' for standard input.") }
        guard files.filter({ $0 == "-" }).count <= 1 else {
            throw ValidationError("Standard input ('-') can be read only once in a batch.")
        }
    }

    func run() throws {
        let configuration = try rules.map(RulesFile.read) ?? RulesConfiguration()
        let outcome = try IngestRun(files: files, store: store.open(), configuration: configuration, now: now?.milliseconds).run()
        print(format.render(outcome), terminator: "")
        if outcome.batch.totals.hasRejections { throw ExitCode(3) }
    }
}

/// One batch: checks every input first, so a missing file stops the batch before
/// anything is read; then reads them one at a time (a batch may hold more files than a
/// process may keep open) through the rules, and commits the alerts, the devices'
/// states and the watermark together.
struct IngestRun {
    var files: [String]
    var store: Store
    var configuration: RulesConfiguration
    var now: Int64?

    struct Outcome {
        var batch: BatchIngest
        var alerts: AlertCounts
    }

    func run() throws -> Outcome {
        do {
            for name in files { try ByteSource.check(name: name) }
        } catch {
            throw CleanExit.message("error: \(error.description). Nothing was ingested; check the path and try again.", code: 1)
        }
        let wallClock = Int64(Date().timeIntervalSince1970 * 1000)
        var monitor: Monitor
        do {
            let state = try store.ruleState()
            monitor = Monitor(caseload: try store.caseload(), configuration: configuration,
                              watermark: state.watermark, devices: state.devices)
        } catch {
            throw CleanExit.message("error: \(error.description). Nothing was ingested.", code: 1)
        }
        var batch = BatchIngest(wallClock: wallClock, conflictWindowMinutes: configuration.gapHoldMinutes)
        for name in files {
            do {
                try batch.ingest(ByteSource(name: name), into: &monitor)
            } catch {
                throw CleanExit.message("error: \(error.description). The batch stopped there and nothing of it was committed; run it again once the file can be read.", code: 1)
            }
        }
        let changes = monitor.endBatch(now: now)
        do {
            let alerts = try store.commit(BatchOutcome(
                changes: changes, devices: monitor.takeChangedDevices(),
                watermark: monitor.watermark, raisedAt: wallClock))
            return Outcome(batch: batch, alerts: alerts)
        } catch {
            throw CleanExit.message("error: \(error.description). Nothing of this batch was committed; run it again.", code: 1)
        }
    }
}

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json

    func render(_ outcome: IngestRun.Outcome) -> String {
        switch self {
        case .text: IngestTextReport(batch: outcome.batch, alerts: outcome.alerts).render()
        case .json: IngestJSONReport(batch: outcome.batch, alerts: outcome.alerts).render()
        }
    }
}

/// A fatal message for standard error with an exit code.
enum CleanExit {
    static func message(_ text: String, code: Int32) -> ExitCode {
        FileHandle.standardError.write(Data((text + "\n").utf8))
        return ExitCode(code)
    }
}
