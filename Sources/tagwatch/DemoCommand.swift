import ArgumentParser
import Foundation
import TagwatchBatch
import TagwatchIngest
import TagwatchRules
import TagwatchStore

/// `tagwatch demo`: the main job on the samples that ship with the project, so a
/// newcomer sees it run with one command: the sample caseload loaded into a fresh store,
/// each day's gateway file ingested as one batch (as a centre would receive them), the
/// damaged upload on its own, then the alerts people would review.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Load the sample caseload, ingest the sample streams day by day, list the alerts."
    )

    @Option(help: "Folder of samples (default: the project's samples/).")
    var samples: String = DemoCommand.defaultSamples

    @Option(name: .customLong("db"), help: "The store to use (default: a fresh one in a temporary folder).")
    var path: String?

    /// The project's `samples/` folder, found from this source file's place in the tree.
    static var defaultSamples: String {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("samples").path
    }

    func run() throws {
        let folder = URL(fileURLWithPath: samples)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: samples)) ?? []).sorted()
        let days = names.filter { $0.hasPrefix("day-") && $0.hasSuffix(".gz") }
        guard !days.isEmpty, names.contains("caseload.json") else {
            throw CleanExit.message("error: no caseload.json and day-N.gz files in \(samples). Pass --samples DIR, or run 'swift run tagwatch-samples --out samples' to make them.", code: 1)
        }
        let storePath = path ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("tagwatch-demo-\(ProcessInfo.processInfo.processIdentifier).sqlite").path
        let store = try StoreOptions.open(storePath)
        print("Store: \(storePath)")

        let caseload = try CaseloadFile.read(folder.appendingPathComponent("caseload.json").path)
        guard case .success(let load) = try store.load(caseloadDocument: caseload, by: "demo", at: Int64(Date().timeIntervalSince1970 * 1000)) else {
            throw CleanExit.message("error: the sample caseload does not load; run 'tagwatch caseload check' on it.", code: 1)
        }
        print("Caseload loaded: \(load.changes.added) entries added, \(load.changes.unchanged) unchanged.\n")

        let batches = days.map { [$0] } + names.filter { $0.hasSuffix(".gz") && !days.contains($0) }.map { [$0] }
        for batch in batches {
            let paths = batch.map { folder.appendingPathComponent($0).path }
            let outcome: StoredBatch.Outcome
            do {
                outcome = try StoredBatch(files: paths, store: store).run()
            } catch {
                throw CleanExit.message("error: \(error)", code: 1)
            }
            let totals = outcome.batch.totals
            print("\(batch.joined(separator: " ")): accepted \(totals.accepted), duplicates \(totals.duplicates), rejected \(totals.rejectedTotal), bytes lost \(totals.bytesLost); alerts opened \(outcome.alerts.opened), updated \(outcome.alerts.updated)")
        }
        print("\nAlerts for people to review (newest first):\n")
        print(AlertFormat.table.render(try store.alerts()), terminator: "")
        print("\n`tagwatch alerts --db \(storePath) --format json` shows them whole; `tagwatch alerts show ID --db \(storePath)` shows one with the readings behind it, read back from the kept streams. The damaged upload is there on purpose: its neighbours' readings are kept.")
    }
}
