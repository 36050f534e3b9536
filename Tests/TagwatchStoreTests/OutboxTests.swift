import Foundation
import GRDB
@testable import TagwatchRules
import TagwatchCore
@testable import TagwatchStore
import Testing

/// alerts.md, "Outbox" and "Who gets a prompt of its own": a prompt is owed in the
/// transaction of the change that causes it, once, to the person the contract names.
@Suite struct OutboxTests {
    static func owed(_ fixture: StoreFixture) throws -> [String] {
        try fixture.store.owedNotifications().map { "\($0.event.rawValue) \($0.recipient)" }
    }

    @Test func anAlertOfMediumSeverityOrAboveOwesItsOfficerAPromptWhenItOpensOnce() throws {
        let fixture = try StoreFixture()
        try fixture.commit([StoreFixture.change(.curfewAbsence, severity: .high), StoreFixture.change(.batteryLow, severity: .low, device: "RF-2"),
                            StoreFixture.change(.noContact, severity: .medium, device: "RF-3")])
        #expect(try Self.owed(fixture) == ["opened officer:PO-1", "opened officer:PO-1"])
        // The same episodes again, grown: no second prompt.
        try fixture.commit([StoreFixture.change(.curfewAbsence, severity: .critical), StoreFixture.change(.noContact, severity: .medium, device: "RF-3",
                                                                                           details: ["silentMinutes": .integer(90)])])
        #expect(try Self.owed(fixture).count == 2)
    }

    @Test func anAlertWithNoSubjectOwesTheCentreWhateverItsSeverity() throws {
        let fixture = try StoreFixture()
        try fixture.commit([StoreFixture.change(.unassigned, severity: .low, subject: nil)])
        #expect(try Self.owed(fixture) == ["opened centre"])
    }

    @Test func aDrinkingEpisodeConfirmedLaterOwesItsOfficerASecondPromptOnlyThen() throws {
        let fixture = try StoreFixture()
        try fixture.commit([StoreFixture.change(.alcoholDrinking, severity: .medium, details: ["classification": .text("pending")])])
        try fixture.commit([StoreFixture.change(.alcoholDrinking, severity: .medium, details: ["classification": .text("pending"), "readings": .integer(4)])])
        #expect(try Self.owed(fixture) == ["opened officer:PO-1"])
        try fixture.commit([StoreFixture.change(.alcoholDrinking, severity: .high, details: ["classification": .text("confirmed")])])
        #expect(try Self.owed(fixture) == ["opened officer:PO-1", "confirmed officer:PO-1"])
        let unconfirmed = try StoreFixture()
        try unconfirmed.commit([StoreFixture.change(.alcoholDrinking, severity: .medium, details: ["classification": .text("pending")])])
        try unconfirmed.commit([StoreFixture.change(.alcoholDrinking, severity: .medium, details: ["classification": .text("unconfirmed")])])
        #expect(try Self.owed(unconfirmed) == ["opened officer:PO-1"])
    }

    @Test func aBatchRefusedOwesNothing() throws {
        let fixture = try StoreFixture()
        let stale = try fixture.store.ruleState()
        try fixture.commit([])
        #expect(throws: StoreError.self) {
            _ = try fixture.store.commit(BatchOutcome(changes: [StoreFixture.change(.tamperStrap, severity: .critical)], devices: [],
                                                      watermark: nil, raisedAt: 1, after: stale.batches))
        }
        #expect(try Self.owed(fixture).isEmpty)
    }

    /// alerts.md, "Escalation": critical 15 min, high 1 h, medium 24 h after `raisedAt`,
    /// low never; an acknowledged alert never.
    @Test func unacknowledgedAlertsEscalateAtTheirDeadlineOnceWithAPromptToTheCentre() throws {
        let fixture = try StoreFixture()
        let raised: Int64 = 1_800_000_000_000
        try fixture.commit([StoreFixture.change(.curfewAbsence, severity: .high), StoreFixture.change(.tamperStrap, severity: .critical, device: "RF-2"),
                            StoreFixture.change(.batteryLow, severity: .low, device: "RF-3"), StoreFixture.change(.hmuMoved, severity: .high, device: "RF-4")],
                           at: raised)
        let alerts = Dictionary(uniqueKeysWithValues: try fixture.store.alerts().map { ($0.device ?? "", $0.id) })
        try fixture.store.review(alert: alerts["RF-4"]!, by: "op-1", .acknowledge, at: raised + 60_000)
        let deadlines: [String: Int64] = ["critical": 15 * 60_000, "high": 60 * 60_000, "medium": 24 * 3_600_000]
        #expect(try fixture.store.escalate(deadlines: deadlines, now: raised + 15 * 60_000 - 1) == [])
        #expect(try fixture.store.escalate(deadlines: deadlines, now: raised + 15 * 60_000) == [alerts["RF-2"]!])
        #expect(try fixture.store.escalate(deadlines: deadlines, now: raised + 60 * 60_000) == [alerts["RF-1"]!])
        #expect(try fixture.store.escalate(deadlines: deadlines, now: raised + 30 * 24 * 3_600_000) == [])
        let escalated = try fixture.store.alerts().filter(\.escalated).map(\.device)
        #expect(Set(escalated) == ["RF-1", "RF-2"])
        #expect(try Self.owed(fixture).filter { $0.hasPrefix("escalated") } == ["escalated centre", "escalated centre"])
        #expect(try fixture.store.auditEntries().filter { $0.action == "alert.escalate" }.count == 2)
        let audit = try fixture.store.auditEntries()
        #expect(try fixture.store.verifyAudit() == .intact(entries: audit.count, head: audit.last!.hash))
    }
}

/// A store upgraded to the outbox (schema v6) with alerts already in it: they were
/// reviewed without a worker, and its first pass does not escalate them all at once.
@Suite struct OutboxUpgradeTests {
    @Test func alertsFromBeforeTheOutboxAreNotEscalatedByTheFirstPass() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tagwatch-upgrade-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("store.sqlite").path
        let raised: Int64 = 1_800_000_000_000
        let old = try DatabaseQueue(path: path)
        try Store.migrator.migrate(old, upTo: "v5: evidence by readings taken in")
        try old.write { db in
            try db.execute(sql: """
                INSERT INTO alert (episodeKey, type, severity, subject, orderId, device, officer, start, openedAt, raisedAt, details, firstSeq, lastSeq)
                VALUES ('old', 'tamper.strap', 'critical', 'S-1', 'O-1', 'RF-9', 'PO-1', ?, ?, ?, '{}', 1, 2)
                """, arguments: [raised, raised, raised])
        }
        try old.close()
        let store = try Store(path: path)
        #expect(try store.owedNotifications().isEmpty)
        let state = try store.ruleState()
        _ = try store.commit(BatchOutcome(changes: [StoreFixture.change(.tamperStrap, severity: .critical)], devices: [], watermark: nil,
                                          raisedAt: raised + 60_000, after: state.batches))
        let new = try #require(try store.alerts().first { $0.device == "RF-1" })
        #expect(try store.escalate(deadlines: ["critical": 15 * 60_000], now: raised + 30 * 86_400_000) == [new.id])
    }
}
