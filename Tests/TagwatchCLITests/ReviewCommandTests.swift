import Foundation
import GRDB
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
}
