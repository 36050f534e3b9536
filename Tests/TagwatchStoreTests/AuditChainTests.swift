import Foundation
import GRDB
import TagwatchStore
import Testing

/// The audit log is a hash chain: a changed, deleted or forged entry is found and named.
@Suite struct AuditChainTests {
    /// A store with one opened alert and five people's actions on it: entries 1 (the
    /// ingest) to 6.
    private func storeWithSixEntries() throws -> StoreFixture {
        let fixture = try StoreFixture()
        try fixture.commit([StoreFixture.change()])
        let id = try #require(try fixture.store.alerts().first?.id)
        try fixture.store.review(alert: id, by: "OP-1", .note("called the subject"), at: 1_800_000_100_000)
        try fixture.store.review(alert: id, by: "OP-1", .acknowledge, at: 1_800_000_200_000)
        try fixture.store.review(alert: id, by: "PO-1", .note("home visit booked"), at: 1_800_000_300_000)
        try fixture.store.review(alert: id, by: "PO-1", .note("visit done"), at: 1_800_000_400_000)
        try fixture.store.review(alert: id, by: "PO-1", .resolve(.contactMade, note: "explained: hospital"), at: 1_800_000_500_000)
        return fixture
    }

    @Test func anUntouchedLogIsIntactAndEachEntryLinksTheOneBefore() throws {
        let fixture = try storeWithSixEntries()
        let entries = try fixture.store.auditEntries()
        #expect(entries.map(\.id) == [1, 2, 3, 4, 5, 6])
        #expect(entries.map(\.action) == ["ingest", "alert.noted", "alert.acknowledged", "alert.noted", "alert.noted", "alert.resolved"])
        #expect(entries.map(\.actor) == ["ingest", "OP-1", "OP-1", "PO-1", "PO-1", "PO-1"])
        #expect(entries[0].previousHash == String(repeating: "0", count: 64))
        for (before, entry) in zip(entries, entries.dropFirst()) { #expect(entry.previousHash == before.hash) }
        #expect(try fixture.store.verifyAudit() == .intact(entries: 6, head: entries[5].hash))
    }

    @Test func aChangedEntryIsNamed() throws {
        let fixture = try storeWithSixEntries()
        try fixture.raw().write { try $0.execute(sql: "UPDATE audit SET actor = 'PO-9' WHERE id = 3") }
        #expect(try fixture.store.verifyAudit() == .broken([AuditProblem(entry: 3, kind: .changed)]))
    }

    @Test func aChangedEntryWithItsHashRecomputedBreaksTheNextLink() throws {
        let fixture = try storeWithSixEntries()
        var entry = try #require(try fixture.store.auditEntries().first { $0.id == 4 })
        entry.details = #"{"alert":"1","note":"nothing happened"}"#
        entry.hash = entry.computedHash
        try fixture.raw().write { try $0.execute(sql: "UPDATE audit SET details = ?, hash = ? WHERE id = 4", arguments: [entry.details, entry.hash]) }
        #expect(try fixture.store.verifyAudit() == .broken([AuditProblem(entry: 5, kind: .unlinked)]))
    }

    @Test func aDeletedEntryIsNamed() throws {
        let fixture = try storeWithSixEntries()
        try fixture.raw().write { try $0.execute(sql: "DELETE FROM audit WHERE id = 2") }
        let verification = try fixture.store.verifyAudit()
        #expect(verification == .broken([AuditProblem(entry: 3, kind: .missingBefore(expected: 2))]))
        if case .broken(let problems) = verification {
            #expect(problems[0].description == "entry 2 is missing: entry 3 follows entry 1")
        }
    }

    @Test func deletedLastEntriesAreFound() throws {
        let fixture = try storeWithSixEntries()
        try fixture.raw().write { try $0.execute(sql: "DELETE FROM audit WHERE id >= 5") }
        // The resolution went with them: the alert's status says more than the log.
        #expect(try fixture.store.verifyAudit() == .broken([
            AuditProblem(entry: 4, kind: .truncatedAfter(recordedLast: 6)),
            AuditProblem(entry: 3, kind: .statusNotLogged(alert: 1, status: "resolved", logged: "acknowledged")),
        ]))
    }

    @Test func aDeletedFirstEntryAndAForgedEntryAreFound() throws {
        let fixture = try storeWithSixEntries()
        try fixture.raw().write { db in
            try db.execute(sql: "DELETE FROM audit WHERE id = 1")
            try db.execute(sql: """
                INSERT INTO audit (id, at, actor, action, target, details, previousHash, hash)
                VALUES (7, 1800000600000, 'PO-1', 'alert.noted', 'alert 1', '{}', 'forged', 'forged')
                """)
        }
        let verification = try fixture.store.verifyAudit()
        #expect(verification == .broken([
            AuditProblem(entry: 2, kind: .missingBefore(expected: 1)),
            AuditProblem(entry: 7, kind: .changed),
            AuditProblem(entry: 7, kind: .unlinked),
            AuditProblem(entry: 7, kind: .appendedAfter(recordedLast: 6)),
        ]))
    }

    /// Review finding: deleting the last entry must stay found after the next action.
    @Test func aDeletionIsNotHealedByLaterEntries() throws {
        let fixture = try storeWithSixEntries()
        try fixture.raw().write { try $0.execute(sql: "DELETE FROM audit WHERE id = 6") }
        try fixture.store.review(alert: 1, by: "PO-1", .note("later note"), at: 1_800_000_900_000)
        #expect(try fixture.store.verifyAudit() == .broken([
            AuditProblem(entry: 7, kind: .missingBefore(expected: 6)),
            AuditProblem(entry: 3, kind: .statusNotLogged(alert: 1, status: "resolved", logged: "acknowledged")),
        ]))
    }

    /// An entry forged with a hash worked out correctly, appended after the recorded last.
    @Test func aWellHashedForgedEntryIsFound() throws {
        let fixture = try storeWithSixEntries()
        let last = try #require(try fixture.store.auditEntries().last)
        var forged = last
        (forged.id, forged.at, forged.action, forged.target, forged.details, forged.previousHash) =
            (7, last.at + 1, "alert.noted", "alert 1", "{}", last.hash)
        forged.hash = forged.computedHash
        try fixture.raw().write { db in
            try db.execute(sql: "INSERT INTO audit (id, at, actor, action, target, details, previousHash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                           arguments: [forged.id, forged.at, forged.actor, forged.action, forged.target, forged.details, forged.previousHash, forged.hash])
        }
        #expect(try fixture.store.verifyAudit() == .broken([AuditProblem(entry: 7, kind: .appendedAfter(recordedLast: 6))]))
    }

    @Test(arguments: ["DELETE FROM setting WHERE key = 'auditHead'", "UPDATE setting SET value = 'garbage' WHERE key = 'auditHead'"])
    func aMissingOrDamagedRecordOfTheLastEntryIsFound(tampering: String) throws {
        let fixture = try storeWithSixEntries()
        try fixture.raw().write { try $0.execute(sql: tampering) }
        #expect(try fixture.store.verifyAudit() == .broken([AuditProblem(entry: 6, kind: .headMissing)]))
    }

    @Test func aStatusChangedOutsideTheLogIsFound() throws {
        let fixture = try StoreFixture()
        try fixture.commit([StoreFixture.change(device: "RF-1"), StoreFixture.change(device: "RF-2")])
        try fixture.store.review(alert: 1, by: "OP-1", .acknowledge, at: 1_800_000_100_000)
        try fixture.raw().write { db in
            try db.execute(sql: "UPDATE alert SET status = 'resolved' WHERE id = 1")
            try db.execute(sql: "UPDATE alert SET status = 'resolved' WHERE id = 2")
        }
        let verification = try fixture.store.verifyAudit()
        #expect(verification == .broken([
            AuditProblem(entry: 2, kind: .statusNotLogged(alert: 1, status: "resolved", logged: "acknowledged")),
            AuditProblem(entry: 0, kind: .statusNotLogged(alert: 2, status: "resolved", logged: "open")),
        ]))
    }

    @Test func duplicatedIdsAreNamedAsSuch() throws {
        let fixture = try storeWithSixEntries()
        // Rebuilt without its key, with entry 3 written twice.
        try fixture.raw().write { db in
            try db.execute(sql: "CREATE TABLE copy AS SELECT * FROM audit")
            try db.execute(sql: "INSERT INTO copy SELECT * FROM audit WHERE id = 3")
            try db.execute(sql: "DROP TABLE audit")
            try db.execute(sql: "ALTER TABLE copy RENAME TO audit")
        }
        let verification = try fixture.store.verifyAudit()
        guard case .broken(let problems) = verification else { Issue.record("not found"); return }
        #expect(problems.contains(AuditProblem(entry: 3, kind: .outOfOrder(after: 3))))
        #expect(problems.first { $0.kind == .outOfOrder(after: 3) }?.description == "entry 3 comes after entry 3: ids duplicated or out of order")
    }

    @Test func anEmptyLogOfANewStoreIsIntact() throws {
        let fixture = try StoreFixture()
        #expect(try fixture.store.verifyAudit() == .intact(entries: 0, head: AuditEntry.genesis))
    }
}
