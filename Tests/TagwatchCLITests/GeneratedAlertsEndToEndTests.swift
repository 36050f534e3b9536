import Foundation
import GRDB
import TagwatchSamples
import Testing

/// The whole job as a centre runs it: the generator writes a caseload and several days
/// of gateway files with violations of every rules.md type injected (and near misses
/// that must raise nothing); `tagwatch caseload load` takes the caseload, `tagwatch
/// ingest` takes one day per batch, and `tagwatch alerts` must list exactly the alerts
/// the generator expects, worked out from the spec alone.
@Suite struct GeneratedAlertsEndToEndTests {
    struct Run {
        let folder: URL
        let store: String
        let set: SampleSet
        var dayFiles: [String] = []
    }

    static func prepare(seed: UInt64, days: Int = 3) throws -> Run {
        var configuration = SampleConfiguration()
        configuration.seed = seed
        configuration.days = days
        let set = SampleSet(configuration)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tagwatch-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var run = Run(folder: folder, store: folder.appendingPathComponent("store.sqlite").path, set: set)
        var files = [Data](repeating: Data(), count: days)
        set.generate { day, member in files[day].append(contentsOf: member) }
        for (day, bytes) in files.enumerated() {
            let path = folder.appendingPathComponent("day-\(day + 1).gz").path
            try bytes.write(to: URL(fileURLWithPath: path))
            run.dayFiles.append(path)
        }
        let caseload = folder.appendingPathComponent("caseload.json")
        try CaseloadDocument.json(for: set).write(to: caseload)
        let loaded = try TagwatchProcess.run(["caseload", "load", "--db", run.store, caseload.path])
        #expect(loaded.status == 0, "caseload load: \(loaded.output)\(loaded.errors)")
        return run
    }

    static func alerts(_ run: Run) throws -> [[String: Any]] {
        let listed = try TagwatchProcess.run(["alerts", "--db", run.store, "--format", "json"])
        #expect(listed.status == 0, "\(listed.errors)")
        return try #require(try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]])
    }

    /// One reading interval of the device: an episode's end may differ by that much.
    static func tolerance(_ device: String) -> Int64 {
        if device.hasPrefix("TAC-") { return 30 * SampleTime.minute }
        if device.hasPrefix("HMU-") { return 15 * SampleTime.minute }
        return SampleTime.minute
    }

    static func milliseconds(_ value: Any?) -> Int64? {
        guard let text = value as? String else { return nil }
        let formatter = ISO8601DateFormatter()
        return formatter.date(from: text).map { Int64($0.timeIntervalSince1970 * 1000) }
    }

    @Test(arguments: [UInt64(1), 2, 3, 4])
    func eachDayAsOneBatchRaisesExactlyTheExpectedAlerts(seed: UInt64) throws {
        let run = try Self.prepare(seed: seed)
        for file in run.dayFiles {
            let ingest = try TagwatchProcess.run(["ingest", "--db", run.store, file])
            #expect(ingest.status == 0, "\(file): \(ingest.output)\(ingest.errors)")
        }
        let raised = try Self.alerts(run)
        let expected = run.set.expectedAlerts()
        func key(_ type: String, _ subject: String?, _ device: String, _ start: Int64) -> String {
            "\(type) \(subject ?? "-") \(device) \(SampleTime.rfc3339(start))"
        }
        var byKey: [String: [String: Any]] = [:]
        for alert in raised {
            let start = try #require(Self.milliseconds(alert["start"]))
            byKey[key(alert["type"] as! String, alert["subject"] as? String, alert["device"] as! String, start)] = alert
        }
        var matched = Set<String>()
        for want in expected {
            let name = key(want.type, want.subject, want.device, want.start)
            guard let got = byKey[name] else {
                Issue.record("seed \(seed): missing \(name) (\(want.scenario))")
                continue
            }
            matched.insert(name)
            let details = got["details"] as? [String: Any] ?? [:]
            #expect(got["severity"] as? String == want.severity, "seed \(seed) \(name): severity")
            if let end = want.end {
                let gotEnd = try #require(Self.milliseconds(got["end"]), "seed \(seed) \(name): no end, expected \(SampleTime.rfc3339(end))")
                #expect(abs(gotEnd - end) <= Self.tolerance(want.device), "seed \(seed) \(name): end \(got["end"]!)")
            } else {
                #expect(got["end"] is NSNull, "seed \(seed) \(name): end should be open")
            }
            if let classification = want.classification {
                #expect(details["classification"] as? String == classification, "seed \(seed) \(name): classification")
            }
            if let pattern = want.pattern {
                #expect(details["pattern"] as? String == pattern, "seed \(seed) \(name): pattern")
            }
        }
        for (name, alert) in byKey where !matched.contains(name) {
            Issue.record("seed \(seed): extra alert \(name): \(alert["details"] ?? "")")
        }
        #expect(raised.count == expected.count)
        let short = Self.expectedShortAbsences(run.set)
        #expect(!short.isEmpty, "the samples hold a 3-minute absence")
        #expect(try Self.shortAbsences(run) == short, "seed \(seed)")
    }

    /// rules.md: absences inside a curfew interval no longer than the grace raise nothing
    /// but are counted; worked out from the generator's plans (November: London is on
    /// UTC, so the 19:00–07:00 curfew is that in UTC), authorised absences left out.
    static func expectedShortAbsences(_ set: SampleSet) -> Set<String> {
        var expected = Set<String>()
        for plan in set.curfew {
            for away in plan.away {
                var day = away.start - away.start % SampleTime.day - SampleTime.day
                while day < away.end {
                    let from = max(away.start, day + CurfewPlan.curfewFrom)
                    let to = min(away.end, day + SampleTime.day + CurfewPlan.curfewTo)
                    let authorised = plan.authorisedAbsences.contains { $0.start <= from && to <= $0.end }
                    if to > from, to - from <= CurfewPlan.graceMinutes * SampleTime.minute, !authorised {
                        expected.insert("\(plan.tag) \(SampleTime.rfc3339(from)) \(SampleTime.rfc3339(to))")
                    }
                    day += SampleTime.day
                }
            }
        }
        return expected
    }

    static func shortAbsences(_ run: Run) throws -> Set<String> {
        let database = try DatabaseQueue(path: run.store)
        return Set(try database.read { db in
            try Row.fetchAll(db, sql: "SELECT device, start, \"end\" FROM shortAbsence").map { row in
                "\(row["device"] as String) \(SampleTime.rfc3339(row["start"])) \(SampleTime.rfc3339(row["end"]))"
            }
        })
    }

    @Test func ingestingTheSameDaysAgainChangesNothing() throws {
        let run = try Self.prepare(seed: 5)
        for file in run.dayFiles { _ = try TagwatchProcess.run(["ingest", "--db", run.store, file]) }
        let before = try Self.alerts(run)
        for file in run.dayFiles {
            let again = try TagwatchProcess.run(["ingest", "--db", run.store, "--format", "json", file])
            let report = try #require(try JSONSerialization.jsonObject(with: Data(again.output.utf8)) as? [String: Any])
            let totals = try #require(report["totals"] as? [String: Any])
            #expect(totals["accepted"] as? Int == 0)
            #expect((totals["duplicates"] as? Int ?? 0) > 0)
            #expect(report["alertsOpened"] as? Int == 0)
            #expect(report["alertsUpdated"] as? Int == 0)
        }
        // A gateway's resend overlapping what was taken in: days 2 and 3 as one stream.
        let overlap = run.folder.appendingPathComponent("resend.gz")
        try (Data(contentsOf: URL(fileURLWithPath: run.dayFiles[1])) + Data(contentsOf: URL(fileURLWithPath: run.dayFiles[2]))).write(to: overlap)
        let evidenceFolder = run.folder.appendingPathComponent("store.sqlite.evidence").path
        let keptBefore = try FileManager.default.contentsOfDirectory(atPath: evidenceFolder)
        let resend = try TagwatchProcess.run(["ingest", "--db", run.store, "--format", "json", overlap.path])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(resend.output.utf8)) as? [String: Any])
        let totals = try #require(report["totals"] as? [String: Any])
        #expect(totals["accepted"] as? Int == 0)
        #expect(report["alertsOpened"] as? Int == 0)
        #expect(report["alertsUpdated"] as? Int == 0)
        // Every alert stays as it was, its evidence streams included.
        let after = try Self.alerts(run)
        #expect(NSArray(array: before).isEqual(to: after))
        // The resend is kept as it arrived, beside the days it repeats; nothing else is new.
        let keptAfter = try FileManager.default.contentsOfDirectory(atPath: evidenceFolder)
        let resendName = try #require(report["streams"] as? [[String: Any]]).first?["sha256"] as? String
        #expect(Set(keptAfter) == Set(keptBefore).union([resendName ?? "?"]))
        #expect(keptBefore.count == run.dayFiles.count)
        #expect(try TagwatchProcess.run(["audit", "verify", "--db", run.store]).status == 0)
    }
}
