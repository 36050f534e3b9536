import ArgumentParser
import Foundation
import TagwatchBatch
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

    @Option(help: "Commit a large batch every this many readings taken in, so a crash loses at most the work since the last commit (a rerun redoes it).")
    var commitEvery: Int = StoredBatch.defaultCommitEvery

    @Argument(help: "Stream files; '-' reads standard input.")
    var files: [String]

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("Give at least one stream file, or '-' for standard input.") }
        guard commitEvery >= 1 else { throw ValidationError("--commit-every is a number of readings, at least 1.") }
        guard files.filter({ $0 == "-" }).count <= 1 else {
            throw ValidationError("Standard input ('-') can be read only once in a batch.")
        }
    }

    func run() throws {
        let configuration = try rules.map(RulesFile.read) ?? RulesConfiguration()
        let outcome: StoredBatch.Outcome
        do {
            outcome = try StoredBatch(files: files, store: store.open(), configuration: configuration, now: now?.milliseconds,
                                      commitEvery: commitEvery).run()
        } catch {
            throw CleanExit.message("error: \(error)", code: 1)
        }
        print(format.render(outcome), terminator: "")
        if outcome.batch.totals.hasRejections { throw ExitCode(3) }
    }
}

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json

    func render(_ outcome: StoredBatch.Outcome) -> String {
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
