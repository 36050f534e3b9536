import ArgumentParser
import Foundation
import TagwatchCaseload
import TagwatchStore

/// `tagwatch purge --older-than DAYS`: retention (alerts.md, "Evidence").
struct PurgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: "Remove kept streams and their quarantine older than a limit, except those behind an alert not resolved.",
        discussion: "Audited. A stream's age is the time it was ingested.")

    @OptionGroup var store: StoreOptions

    @Option(help: "Remove streams ingested more than this many days ago.")
    var olderThan: Int

    @Option(help: "Count the days back from this instant (RFC 3339) instead of now.")
    var now: InstantArgument?

    @Option(help: "Who purges, for the audit log (default: the login name).")
    var by: String = ProcessInfo.processInfo.environment["USER"] ?? ProcessInfo.processInfo.environment["LOGNAME"] ?? "unknown"

    func validate() throws {
        guard (0...36_500).contains(olderThan) else { throw ValidationError("--older-than is a number of days, 0 to 36500.") }
    }

    func run() throws {
        let wallClock = Int64(Date().timeIntervalSince1970 * 1000)
        let cutoff = (now?.milliseconds ?? wallClock) - Int64(olderThan) * 86_400_000
        let outcome: PurgeOutcome
        do {
            outcome = try StoreOptions.openExisting(store.path).purge(before: cutoff, by: by, at: wallClock)
        } catch let error as StoreError {
            throw CleanExit.message("error: \(error.description).", code: 1)
        }
        print("purged \(outcome.removed.count) stream\(outcome.removed.count == 1 ? "" : "s") (\(outcome.bytesRemoved) bytes) ingested before \(Instant.rfc3339(cutoff)); kept \(outcome.keptForAlerts) behind alerts not yet resolved"
              + (outcome.strayFiles > 0 ? "; removed \(outcome.strayFiles) stray file\(outcome.strayFiles == 1 ? "" : "s") no stream names" : ""))
    }
}
