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
        #expect(try fixture.store.verifyAudit() == .broken([AuditProblem(entry: 4, kind: .truncatedAfter(recordedLast: 6))]))
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
        ]))
    }
}
