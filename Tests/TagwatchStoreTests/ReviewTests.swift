import Foundation
import TagwatchStore
import Testing

/// People move an alert's status, each step recorded in its history and the audit log;
/// steps out of order are refused with the reason, and the rules never move it back.
@Suite struct ReviewTests {
    private func openedAlert() throws -> (StoreFixture, Int64) {
        let fixture = try StoreFixture()
        try fixture.commit([StoreFixture.change()])
        return (fixture, try #require(try fixture.store.alerts().first?.id))
    }

    private func refusal(_ body: () throws -> Void) -> StoreError? {
        do {
            try body()
            return nil
        } catch let error as StoreError {
            return error
        } catch {
            return nil
        }
    }

    @Test func acknowledgeNoteAndResolveAreEachRecorded() throws {
        let (fixture, id) = try openedAlert()
        let acknowledged = try fixture.store.review(alert: id, by: " OP-7 ", .acknowledge, at: 1_800_000_100_000)
        #expect(acknowledged.status == "acknowledged")
        try fixture.store.review(alert: id, by: "PO-1", .note("  left a message  "), at: 1_800_000_200_000)
        let resolved = try fixture.store.review(alert: id, by: "PO-1", .resolve(.noViolation, note: "authorised late return"), at: 1_800_000_300_000)
        #expect(resolved.status == "resolved")
        let history = resolved.history.dropFirst()
        #expect(history.map(\.actor) == ["OP-7", "PO-1", "PO-1"])
        #expect(history.map(\.action) == ["acknowledged", "noted", "resolved"])
        #expect(history.map(\.note) == [nil, "left a message", "authorised late return"])
        #expect(history.map(\.at) == [1_800_000_100_000, 1_800_000_200_000, 1_800_000_300_000])
        #expect(history.last?.changes == ["status": ["acknowledged", "resolved"], "outcome": [nil, "no_violation"]])
        let audit = try fixture.store.auditEntries().dropFirst()
        #expect(audit.map(\.action) == ["alert.acknowledged", "alert.noted", "alert.resolved"])
        #expect(audit.allSatisfy { $0.target == "alert \(id)" })
    }

    @Test func stepsOutOfOrderAreRefusedAndChangeNothing() throws {
        let (fixture, id) = try openedAlert()
        try fixture.store.review(alert: id, by: "OP-7", .acknowledge, at: 1)
        #expect(refusal { try fixture.store.review(alert: id, by: "OP-7", .acknowledge, at: 2) }?.code == .refused)
        try fixture.store.review(alert: id, by: "PO-1", .resolve(.breachAction, note: "officer will act"), at: 3)
        #expect(refusal { try fixture.store.review(alert: id, by: "PO-1", .resolve(.noViolation, note: "again"), at: 4) }?.code == .refused)
        #expect(refusal { try fixture.store.review(alert: id, by: "OP-7", .acknowledge, at: 5) }?.code == .refused)
        // A note is still welcome on a resolved alert.
        try fixture.store.review(alert: id, by: "PO-1", .note("court date set"), at: 6)
        let alert = try #require(try fixture.store.alert(id: id))
        #expect(alert.status == "resolved")
        #expect(alert.history.count == 4)
        #expect(try fixture.store.auditEntries().count == 4)
    }

    @Test func badRequestsAreRefusedWithTheReason() throws {
        let (fixture, id) = try openedAlert()
        let missing = refusal { try fixture.store.review(alert: 999, by: "OP-7", .acknowledge, at: 1) }
        #expect(missing?.code == .notFound)
        #expect(missing?.message == "there is no alert 999")
        #expect(refusal { try fixture.store.review(alert: id, by: "  ", .acknowledge, at: 1) }?.code == .refused)
        #expect(refusal { try fixture.store.review(alert: id, by: "OP\n7", .acknowledge, at: 1) }?.code == .refused)
        #expect(refusal { try fixture.store.review(alert: id, by: "OP-7", .note(" \n "), at: 1) }?.code == .refused)
        #expect(refusal { try fixture.store.review(alert: id, by: "OP-7", .resolve(.contactMade, note: ""), at: 1) }?.code == .refused)
        #expect(refusal { try fixture.store.review(alert: id, by: "OP-7", .note(String(repeating: "x", count: 10_001)), at: 1) }?.code == .refused)
        #expect(try fixture.store.alert(id: id)?.status == "open")
        #expect(try fixture.store.auditEntries().count == 1)
    }

    @Test func theRulesUpdateAnAlertButNeverItsStatus() throws {
        let (fixture, id) = try openedAlert()
        try fixture.store.review(alert: id, by: "OP-7", .acknowledge, at: 1)
        let later = StoreFixture.change(end: 1_790_003_600_000, seqs: 10...80, minutes: 60)
        let counts = try fixture.commit([later])
        #expect(counts.opened == 0)
        #expect(counts.updated == 1)
        let alert = try #require(try fixture.store.alert(id: id))
        #expect(alert.status == "acknowledged")
        #expect(alert.end == 1_790_003_600_000)
        #expect(alert.lastSeq == 80)
    }
}

/// Review findings: the software's own actor names and characters that repaint a
/// terminal or turn text around are refused as a person's id or a note.
@Suite struct PersonIDTests {
    @Test(arguments: ["rules", "Ingest", " system ", "OP\u{1B}[2J", "PO-\u{202E}1", "PO\u{0}1", "", String(repeating: "x", count: 201)])
    func unusableIdsAreRefused(id: String) {
        #expect(throws: StoreError.self) { try PersonID.check(id) }
    }

    @Test func usableIdsAreTrimmed() throws {
        #expect(try PersonID.check("  PO-31 ") == "PO-31")
        #expect(try PersonID.check("Zoë Ó Briain") == "Zoë Ó Briain")
    }

    @Test func notesKeepLinesButNotControlsOrOverrides() throws {
        #expect(try PersonID.checkNote(" rang twice\n\tno answer ", limit: 100) == "rang twice\n\tno answer")
        #expect(throws: StoreError.self) { try PersonID.checkNote("ok\u{202E}fed", limit: 100) }
        #expect(throws: StoreError.self) { try PersonID.checkNote("bell\u{7}", limit: 100) }
    }

    @Test func theSoftwareCannotBeNamedAsTheOneWhoResolved() throws {
        let fixture = try StoreFixture()
        try fixture.commit([StoreFixture.change()])
        #expect(throws: StoreError.self) {
            try fixture.store.review(alert: 1, by: "rules", .resolve(.breachAction, note: "auto"), at: 1)
        }
        #expect(try fixture.store.alert(id: 1)?.status == "open")
    }
}
