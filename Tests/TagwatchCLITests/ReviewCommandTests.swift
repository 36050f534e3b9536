import Foundation
import GRDB
import TagwatchSamples
import Testing

/// `tagwatch alerts show/ack/note/resolve` and `tagwatch audit verify` as people and
/// other tools use them, over the shipped samples.
@Suite struct ReviewCommandTests {
    private func firstAbsence(_ store: String) throws -> String {
        let listed = try TagwatchProcess.run(["alerts", "--db", store, "--type", "curfew.absence", "--severity", "critical", "--format", "json"])
        let alerts = try #require(try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]])
        #expect(alerts.count == 1)
        #expect(alerts.allSatisfy { $0["type"] as? String == "curfew.absence" && $0["severity"] as? String == "critical" })
        return try #require(alerts.first?["id"] as? String)
    }

    @Test func aPersonAcknowledgesNotesAndResolvesAndShowTellsTheStory() throws {
        let store = try AlertsCommandTests.ingestedSamples()
        let id = try firstAbsence(store)
        let ack = try TagwatchProcess.run(["alerts", "ack", id, "--by", "OP-7", "--db", store])
        #expect(ack.status == 0)
        #expect(ack.output.contains("is acknowledged"))
        #expect(try TagwatchProcess.run(["alerts", "note", id, "--by", "PO-31", "--text", "Rang the subject", "--db", store]).status == 0)
        let resolve = try TagwatchProcess.run(["alerts", "resolve", id, "--by", "PO-31", "--outcome", "contact_made",
                                               "--note", "Was at the hospital; letter seen", "--db", store, "--format", "json"])
        #expect(resolve.status == 0)
        let resolved = try #require(try JSONSerialization.jsonObject(with: Data(resolve.output.utf8)) as? [String: Any])
        #expect(resolved["status"] as? String == "resolved")
        let history = try #require(resolved["history"] as? [[String: Any]])
        #expect(history.map { $0["by"] as? String } == ["rules", "OP-7", "PO-31", "PO-31"])
        #expect(history.last?["note"] as? String == "Was at the hospital; letter seen")

        let show = try TagwatchProcess.run(["alerts", "show", id, "--db", store])
        #expect(show.status == 0)
        #expect(show.output.contains("curfew.absence, critical, resolved"))
        #expect(show.output.contains("PO-31  resolved"))
        #expect(show.output.contains("note: Rang the subject"))
        #expect(try TagwatchProcess.run(["alerts", "--status", "resolved", "--format", "ndjson", "--db", store]).output.split(separator: "\n").count == 1)

        let audit = try TagwatchProcess.run(["audit", "verify", "--db", store])
        #expect(audit.status == 0)
        #expect(audit.output.hasPrefix("audit log intact: 7 entries"))  // the caseload load, 3 ingests, 3 actions
    }

    @Test func refusedAndMistypedRequestsSayWhy() throws {
        let store = try AlertsCommandTests.ingestedSamples()
        let id = try firstAbsence(store)
        let noNote = try TagwatchProcess.run(["alerts", "resolve", id, "--by", "PO-31", "--outcome", "contact_made", "--db", store])
        #expect(noNote.status == 1)
        let badOutcome = try TagwatchProcess.run(["alerts", "resolve", id, "--by", "PO-31", "--outcome", "closed", "--note", "x", "--db", store])
        #expect(badOutcome.status == 1)
        #expect(badOutcome.errors.contains("no_violation"))
        let missing = try TagwatchProcess.run(["alerts", "ack", "9999", "--by", "OP-7", "--db", store])
        #expect(missing.status == 1)
        #expect(missing.errors.contains("there is no alert 9999"))
        _ = try TagwatchProcess.run(["alerts", "ack", id, "--by", "OP-7", "--db", store])
        let twice = try TagwatchProcess.run(["alerts", "ack", id, "--by", "OP-8", "--db", store])
        #expect(twice.status == 1)
        #expect(twice.errors.contains("is acknowledged, not open"))
        let noStore = try TagwatchProcess.run(["alerts", "--db", store + ".typo"])
        #expect(noStore.status == 1)
        #expect(!FileManager.default.fileExists(atPath: store + ".typo"))
    }

    @Test func auditVerifyNamesAChangedAndADeletedEntry() throws {
        let store = try AlertsCommandTests.ingestedSamples()
        let id = try firstAbsence(store)
        _ = try TagwatchProcess.run(["alerts", "ack", id, "--by", "OP-7", "--db", store])
        _ = try TagwatchProcess.run(["alerts", "note", id, "--by", "OP-7", "--text", "called", "--db", store])
        #expect(try TagwatchProcess.run(["audit", "verify", "--db", store]).status == 0)
        try DatabaseQueue(path: store).write { db in
            try db.execute(sql: "UPDATE audit SET actor = 'someone else' WHERE id = 5")
            try db.execute(sql: "DELETE FROM audit WHERE id = 3")
        }
        let verify = try TagwatchProcess.run(["audit", "verify", "--db", store])
        #expect(verify.status == 2)
        #expect(verify.output.contains("entry 3 is missing: entry 4 follows entry 2"))
        #expect(verify.output.contains("entry 5 was changed"))
    }

    @Test func showDrawsTheReadingsBehindAnAlertFromTheKeptStreams() throws {
        let store = try AlertsCommandTests.ingestedSamples()
        let id = try firstAbsence(store)
        let show = try TagwatchProcess.run(["alerts", "show", id, "--db", store])
        // The sample absence: away from 06:00 until after the curfew closes at 07:00.
        #expect(show.output.contains("› 2026-11-03T06:00:00Z to 2026-11-03T07:29:58Z  OUT OF RANGE"))
        let json = try TagwatchProcess.run(["alerts", "show", id, "--db", store, "--format", "json"])
        let shown = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let lines = try #require(shown["readings"] as? [String])
        // Independently: the generator's own readings of that tag in 05:30–07:30.
        var expected = 0
        SampleSet(SampleConfiguration()).forEachUpload { _, _, readings in
            expected += readings.filter {
                $0.device.description == "RF-001902" && $0.time >= 1_793_683_800_000 && $0.time <= 1_793_691_000_000
            }.count
        }
        #expect(lines.count == expected)
        #expect(expected > 120)
        #expect(lines.allSatisfy { $0.contains("\"dev\":\"RF-001902\"") })
        let streams = try #require((shown["evidence"] as? [String: Any])?["streams"] as? [String])
        #expect(streams.count == 1)

        let drinking = try TagwatchProcess.run(["alerts", "--db", store, "--type", "alcohol.drinking", "--format", "json"])
        let confirmed = try #require((try JSONSerialization.jsonObject(with: Data(drinking.output.utf8)) as? [[String: Any]])?
            .first { ($0["details"] as? [String: Any])?["classification"] as? String == "confirmed" })
        let curve = try TagwatchProcess.run(["alerts", "show", confirmed["id"] as! String, "--db", store])
        #expect(curve.output.contains("TAC (g/dL) per reading"))
        #expect(curve.output.contains("████████████████████████████████████████"))

        // A kept stream that has gone is said to be missing, not silently skipped.
        let folder = store + ".evidence"
        try FileManager.default.removeItem(atPath: folder + "/" + streams[0])
        let without = try TagwatchProcess.run(["alerts", "show", id, "--db", store])
        #expect(without.status == 0)
        #expect(without.output.contains("no longer in the evidence folder"))
    }

    /// Review findings: a valid but extreme reading draws without trapping, a kept stream
    /// changed since it was kept is called out, and a folder that cannot take evidence
    /// stops the batch with what to do.
    @Test func hostileEvidenceIsShownSafelyAndNamed() throws {
        let store = try AlertsCommandTests.ingestedSamples()
        let listed = try TagwatchProcess.run(["alerts", "--db", store, "--type", "alcohol.drinking", "--format", "json"])
        let drinking = try #require((try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]])?.first)
        let id = try #require(drinking["id"] as? String)
        let device = try #require(drinking["device"] as? String)
        let start = try #require(GeneratedAlertsEndToEndTests.milliseconds(drinking["start"]))
        let line = #"{"dev":"\#(device)","seq":4000000000,"t":\#(start + 60_000),"k":"tac","tac":1e38,"ir":2.7,"temp":33}"# + "\n"
        let extreme = try TagwatchProcess.run(["ingest", "--db", store, "-"], input: Array(line.utf8))
        #expect(extreme.status == 0, "\(extreme.output)\(extreme.errors)")
        let shown = try TagwatchProcess.run(["alerts", "show", id, "--db", store])
        #expect(shown.status == 0, "\(shown.errors)")
        #expect(shown.output.contains("99999996802856924650656260769173209088.000  ████████████████████████████████████████"))

        // A kept stream replaced by other bytes.
        let folder = store + ".evidence"
        let streams = try #require((drinking["evidence"] as? [String: Any])?["streams"] as? [String])
        let kept = folder + "/" + streams[0]
        try Data("not what was received".utf8).write(to: URL(fileURLWithPath: kept))
        let altered = try TagwatchProcess.run(["alerts", "show", id, "--db", store])
        #expect(altered.output.contains("WARNING: 1 kept stream no longer has the SHA-256 it is named by"))

        // The evidence folder's name taken by a file: nothing committed, and why.
        let other = URL(fileURLWithPath: store).deletingLastPathComponent().appendingPathComponent("other.sqlite").path
        try Data().write(to: URL(fileURLWithPath: other + ".evidence"))
        let blocked = try TagwatchProcess.run(["ingest", "--db", other, CaseloadCommandTests.samples.appendingPathComponent("day-1.gz").path])
        #expect(blocked.status == 1)
        #expect(blocked.errors.contains("cannot keep the evidence copy"))
        #expect(blocked.errors.contains("Nothing was ingested: every stream must be kept before it counts"))
    }

    /// A stream read ahead while the store's state is loaded is let go when that state
    /// cannot be read: the command ends (no reading thread left waiting), keeps nothing.
    @Test func aStateThatDoesNotReadStopsTheBatchAndKeepsNothing() throws {
        let store = try AlertsCommandTests.ingestedSamples()
        try DatabaseQueue(path: store).write { try $0.execute(sql: "UPDATE deviceState SET state = x'01ff' WHERE serial = (SELECT min(serial) FROM deviceState)") }
        let folder = store + ".evidence"
        let keptBefore = try FileManager.default.contentsOfDirectory(atPath: folder)
        let damaged = try TagwatchProcess.run(["ingest", "--db", store, CaseloadCommandTests.samples.appendingPathComponent("damaged-upload.gz").path])
        #expect(damaged.status == 1)
        #expect(damaged.errors.contains("does not read"))
        #expect(damaged.errors.contains("Nothing was ingested"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == keptBefore)
    }
}
