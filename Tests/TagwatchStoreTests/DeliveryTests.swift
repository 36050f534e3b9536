import Foundation
@testable import TagwatchRules
import TagwatchStore
import Testing

/// alerts.md, "Outbox" and "Retries": each delivery is held by one worker at a time,
/// retried when due, and once dead it becomes an alert of its own for the centre.
@Suite struct DeliveryTests {
    static let now: Int64 = 1_800_000_000_000

    /// A store owing one prompt (a high alert's, to its officer), expanded into a webhook
    /// delivery and an email.
    static func owing() throws -> (StoreFixture, OwedNotification) {
        let fixture = try StoreFixture()
        try fixture.commit([StoreFixture.change(.curfewAbsence, severity: .high)], at: now)
        let owed = try #require(try fixture.store.owedNotifications().first)
        try fixture.store.expand(owed, into: ["webhook", "email"].map {
            QueuedDelivery(key: "\(owed.key).\($0)", channel: $0, address: "\($0)-address", name: "PO", body: Data("{}".utf8), mailSubject: "s", mailText: "t")
        }, at: now)
        return (fixture, owed)
    }

    @Test func aDeliveryIsHeldByOneWorkerUntilItsLeaseEnds() throws {
        let (fixture, _) = try Self.owing()
        #expect(try fixture.store.owedNotifications().isEmpty)
        let first = try fixture.store.claimDeliveries(owner: "a", now: Self.now, leaseUntil: Self.now + 60_000, limit: 10)
        #expect(first.map(\.channel).sorted() == ["email", "webhook"])
        #expect(try fixture.store.claimDeliveries(owner: "b", now: Self.now + 59_999, leaseUntil: Self.now + 120_000, limit: 10).isEmpty)
        // Worker a died holding them: once the lease ends, b takes them, same keys.
        let second = try fixture.store.claimDeliveries(owner: "b", now: Self.now + 60_000, leaseUntil: Self.now + 120_000, limit: 10)
        #expect(second.map(\.key).sorted() == first.map(\.key).sorted())
        for delivery in second { try fixture.store.recordDelivered(delivery.id, at: Self.now + 61_000) }
        #expect(try fixture.store.claimDeliveries(owner: "c", now: Self.now + 10 * 3_600_000, leaseUntil: .max, limit: 10).isEmpty)
    }

    @Test func aFailedDeliveryIsTriedAgainWhenDueAndAFailureReportedByALapsedHolderIsNotCounted() throws {
        let (fixture, _) = try Self.owing()
        let webhook = try #require(try fixture.store.claimDeliveries(owner: "a", now: Self.now, leaseUntil: Self.now + 60_000, limit: 10)
            .first { $0.channel == "webhook" })
        try fixture.store.recordFailure(webhook, owner: "a", reason: "HTTP 503", retryAt: Self.now + 30_000, at: Self.now + 1_000)
        // A late report from someone no longer holding it changes nothing.
        try fixture.store.recordFailure(webhook, owner: "z", reason: "late", retryAt: nil, at: Self.now + 1_000)
        #expect(try fixture.store.claimDeliveries(owner: "b", now: Self.now + 29_999, leaseUntil: Self.now + 90_000, limit: 10).isEmpty)
        let again = try fixture.store.claimDeliveries(owner: "b", now: Self.now + 30_000, leaseUntil: Self.now + 90_000, limit: 10)
        #expect(again.map(\.key) == [webhook.key])
        #expect(again.first?.attempts == 1)
        #expect(try fixture.store.alerts().count == 1)
    }

    @Test func aDeadDeliveryRaisesADeliveryFailedAlertForTheCentreOnce() throws {
        let (fixture, owed) = try Self.owing()
        let webhook = try #require(try fixture.store.claimDeliveries(owner: "a", now: Self.now, leaseUntil: Self.now + 60_000, limit: 10)
            .first { $0.channel == "webhook" })
        try fixture.store.recordFailure(webhook, owner: "a", reason: "HTTP 500 from webhook-address", retryAt: nil, at: Self.now + 5_000)
        let failed = try #require(try fixture.store.alerts().first { $0.type == "system.delivery_failed" })
        #expect(failed.device == nil)
        #expect(failed.subject == "S-1")
        #expect(failed.severity == "high")
        #expect(failed.details["notification"] == .text(webhook.key))
        #expect(failed.details["attempts"] == .integer(1))
        #expect(failed.details["lastError"] == .text("webhook to webhook-address: HTTP 500 from webhook-address"))
        #expect(failed.details["alert"] == .integer(owed.alert!))
        #expect(try fixture.store.owedNotifications().map { "\($0.event.rawValue) \($0.recipient) \($0.alert!)" }
                == ["delivery_failed centre \(failed.id)"])
        // The centre's notice dies too: no alert about the alert.
        let notice = try #require(try fixture.store.owedNotifications().first)
        try fixture.store.expand(notice, into: [QueuedDelivery(key: notice.key + ".webhook", channel: "webhook", address: "centre", name: "Centre", body: Data(),
                                                         mailSubject: "s", mailText: "t")], at: Self.now + 6_000)
        let noticeDelivery = try #require(try fixture.store.claimDeliveries(owner: "a", now: Self.now + 6_000, leaseUntil: Self.now + 60_000, limit: 10)
            .first { $0.key == notice.key + ".webhook" })
        try fixture.store.recordFailure(noticeDelivery, owner: "a", reason: "HTTP 500", retryAt: nil, at: Self.now + 7_000)
        #expect(try fixture.store.alerts().filter { $0.type == "system.delivery_failed" }.count == 1)
        // It is the centre's already: it never escalates (to a centre that cannot be reached).
        let escalated = try fixture.store.escalate(deadlines: ["high": 60 * 60_000, "critical": 15 * 60_000], now: Self.now + 30 * 86_400_000)
        #expect(!escalated.contains(failed.id))
    }

    /// Review finding: with no centre in the caseload, an escalation's prompt died at
    /// once, its delivery_failed alert escalated an hour later, whose prompt died too, and
    /// so on: a new alert every hour.
    @Test func withNoCentreAnEscalationRaisesOneDeliveryFailedAlertAndNoMore() throws {
        let fixture = try StoreFixture()
        try fixture.commit([StoreFixture.change(.tamperStrap, severity: .critical)], at: Self.now)
        try fixture.store.expand(try #require(try fixture.store.owedNotifications().first), into: [], at: Self.now)
        var now = Self.now
        for _ in 0..<48 {
            now += 3_600_000
            _ = try fixture.store.escalate(deadlines: ["high": 60 * 60_000, "critical": 15 * 60_000], now: now)
            for owed in try fixture.store.owedNotifications() { try fixture.store.expand(owed, into: [], at: now) }
        }
        let failed = try fixture.store.alerts().filter { $0.type == "system.delivery_failed" }
        // The officer's prompt (no address) and the escalation's (no centre): two, for good.
        #expect(failed.count == 2)
        #expect(try fixture.store.alerts().filter(\.escalated).map(\.type) == ["tamper.strap"])
    }

    @Test func aPromptWithNoAddressIsDeadAtOnceAndTheCentreIsTold() throws {
        let fixture = try StoreFixture()
        try fixture.commit([StoreFixture.change(.tamperStrap, severity: .critical)], at: Self.now)
        let owed = try #require(try fixture.store.owedNotifications().first)
        try fixture.store.expand(owed, into: [], at: Self.now)
        let failed = try #require(try fixture.store.alerts().first { $0.type == "system.delivery_failed" })
        #expect(failed.details["lastError"] == .text("the caseload gives officer:PO-1 no webhook and no email address"))
        #expect(try fixture.store.owedNotifications().map(\.event) == [.deliveryFailed])
    }

    @Test func aTransitionIsRaisedOnceWithItsPromptToTheOfficer() throws {
        let fixture = try StoreFixture()
        let transition = TransitionAlert(type: "transition.order_ending", point: "O-1:14d@2027-01-01T12:00:00Z", subject: "S-1", order: "O-1", officer: "PO-1",
                                         due: Self.now - 86_400_000, details: ["daysMonitored": .integer(90)])
        #expect(try fixture.store.raise(transition, at: Self.now))
        #expect(try !fixture.store.raise(transition, at: Self.now + 60_000))
        let alert = try #require(try fixture.store.alerts().first)
        #expect(alert.type == "transition.order_ending")
        #expect(alert.start == Self.now - 86_400_000)
        #expect(alert.raisedAt == Self.now)
        #expect(alert.severity == "low")
        #expect(try fixture.store.owedNotifications().map { "\($0.event.rawValue) \($0.recipient)" } == ["transition officer:PO-1"])
    }

    @Test func aDailySummaryIsOwedOncePerOfficerAndDayAndOnlyWithAlertsNotResolved() throws {
        let fixture = try StoreFixture()
        #expect(try fixture.store.oweSummaries(officers: ["PO-1"], day: "2027-01-15", at: Self.now) == 0)
        try fixture.commit([StoreFixture.change(.batteryLow, severity: .low), StoreFixture.change(.dataGap, severity: .low, device: "RF-2")], at: Self.now)
        let resolved = try fixture.store.alerts().first { $0.device == "RF-2" }!.id
        try fixture.store.review(alert: resolved, by: "po-1", .resolve(.equipmentFault, note: "replaced"), at: Self.now)
        #expect(try fixture.store.oweSummaries(officers: ["PO-1", "PO-2"], day: "2027-01-15", at: Self.now) == 1)
        #expect(try fixture.store.oweSummaries(officers: ["PO-1", "PO-2"], day: "2027-01-15", at: Self.now + 1) == 0)
        let summary = try #require(try fixture.store.owedNotifications().first)
        #expect(summary.event == .summary)
        #expect(summary.alerts == [try fixture.store.alerts().first { $0.device == "RF-1" }!.id])
    }
}
