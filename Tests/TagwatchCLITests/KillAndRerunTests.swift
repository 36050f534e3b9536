import Foundation
import TagwatchSamples
import Testing

/// Exactly once across crashes: an ingest killed (SIGKILL) at any instant, reading,
/// keeping evidence, committing a checkpoint or the batch, and then run again on the same
/// input ends with the alerts an uninterrupted run gives, and an intact audit log.
@Suite struct KillAndRerunTests {
    /// An alert as the contract prints it, less what differs between two runs of the
    /// same input: its id, the wall-clock time it was raised, and its history (a batch
    /// that commits at checkpoints records an episode's growth in more steps).
    static func comparable(_ alerts: [[String: Any]]) -> [String] {
        alerts.map { alert in
            var alert = alert
            alert["id"] = nil
            alert["raisedAt"] = nil
            alert["history"] = nil
            let data = try? JSONSerialization.data(withJSONObject: alert, options: [.sortedKeys])
            return String(decoding: data ?? Data(), as: UTF8.self)
        }.sorted()
    }

    /// Starts `tagwatch` with `arguments` and kills it after `delay` seconds, unless it
    /// ended first; true when the kill cut it short.
    static func killed(_ arguments: [String], after delay: TimeInterval) throws -> Bool {
        let process = Process()
        process.executableURL = TagwatchProcess.executable
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: delay)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal
    }

    @Test func anIngestKilledAtRandomInstantsThenRunAgainRaisesExactlyTheUninterruptedAlerts() throws {
        let reference = try GeneratedAlertsEndToEndTests.prepare(seed: 6)
        var durations: [TimeInterval] = []
        for file in reference.dayFiles {
            let started = Date()
            let ingest = try TagwatchProcess.run(["ingest", "--db", reference.store, file])
            durations.append(Date().timeIntervalSince(started))
            #expect(ingest.status == 0, "\(ingest.errors)")
        }
        let expected = Self.comparable(try GeneratedAlertsEndToEndTests.alerts(reference))
        #expect(expected.count == reference.set.expectedAlerts().count)
        let evidence = try FileManager.default.contentsOfDirectory(atPath: reference.folder.appendingPathComponent("store.sqlite.evidence").path)

        var random = SplitMix64(seed: 2026)
        var interrupted = 0
        for trial in 0..<8 {
            let folder = reference.folder.appendingPathComponent("trial-\(trial)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let store = folder.appendingPathComponent("store.sqlite").path
            let loaded = try TagwatchProcess.run(["caseload", "load", "--db", store, reference.folder.appendingPathComponent("caseload.json").path])
            #expect(loaded.status == 0)
            for (day, file) in reference.dayFiles.enumerated() {
                // Half the kills anywhere in the run, half in its second half, nearer where
                // evidence is kept and the batch commits.
                let fraction = trial % 2 == 0 ? Double.random(in: 0...0.9, using: &random) : Double.random(in: 0.6...1, using: &random)
                // Checkpoints every 3,000 readings (a day is about 26,000), so most kills
                // fall between two commits of one batch.
                let ingest = ["ingest", "--db", store, "--commit-every", "3000", file]
                if try Self.killed(ingest, after: durations[day] * fraction) { interrupted += 1 }
                let rerun = try TagwatchProcess.run(ingest)
                #expect(rerun.status == 0, "trial \(trial) day \(day + 1): \(rerun.errors)")
            }
            let listed = try TagwatchProcess.run(["alerts", "--db", store, "--format", "json"])
            let alerts = try #require(try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]])
            let got = Self.comparable(alerts)
            #expect(got == expected, "trial \(trial): \(Set(got).symmetricDifference(expected).sorted().prefix(4))")
            let audit = try TagwatchProcess.run(["audit", "verify", "--db", store])
            #expect(audit.status == 0, "trial \(trial): \(audit.output)")
            let kept = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("store.sqlite.evidence").path)
            #expect(Set(kept.filter { !$0.hasPrefix(".") }) == Set(evidence), "trial \(trial)")
        }
        // Enough kills must land inside a run, or the test proves nothing (a loaded
        // machine runs some faster or slower than the reference did).
        #expect(interrupted >= 8, "only \(interrupted) of 24 runs were cut short")
    }
}
