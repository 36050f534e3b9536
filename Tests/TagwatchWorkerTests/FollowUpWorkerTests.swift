import Foundation
import TagwatchCaseload
import TagwatchDelivery
import TagwatchRules
import TagwatchStore
import TagwatchWorker
import Testing

/// A worker's pass over the store (alerts.md, "The follow-up worker"), with channels that
/// record what they are given.
@Suite struct FollowUpWorkerTests {
    static let now = WorkerFixture.now

    @Test func anOpenedAlertReachesItsOfficerOnEachChannelOnceWithItsBody() async throws {
        let fixture = try WorkerFixture()
        let id = try fixture.raise(.curfewAbsence, severity: .high, details: ["minutesAbsent": .integer(80), "pattern": .text("late")])
        let pass = try await fixture.worker.pass(now: Self.now)
        #expect(pass.deliveriesQueued == 2)
        #expect(pass.delivered == 2)
        let received = fixture.channel.received
        #expect(Set(received.map(\.recipient.address)) == [.webhook(url: "http://hooks/po-1"), .email(address: "sam@probation.example")])
        #expect(Set(received.map(\.key)) == ["alert-\(id).opened.officer:PO-1.webhook", "alert-\(id).opened.officer:PO-1.email"])
        let body = WorkerFixture.body(received[0].body)
        #expect(body["event"] as? String == "opened")
        #expect((body["alert"] as? [String: Any])?["id"] as? String == String(id))
        #expect(received.allSatisfy { $0.mailSubject.contains("S-1 J. Doe") && $0.mailText.contains("tagwatch alerts show \(id)") })
        // Nothing is owed twice.
        let again = try await fixture.worker.pass(now: Self.now + 60_000)
        #expect(again.delivered == 0)
        #expect(fixture.channel.received.count == 2)
    }

    @Test func aFailedDeliveryIsRetriedOnTheScheduleWithTheSameKeyAndBytes() async throws {
        let fixture = try WorkerFixture()
        _ = try fixture.raise(.tamperStrap, severity: .critical)
        fixture.channel.fail("http://hooks/po-1", times: 2)
        var pass = try await fixture.worker.pass(now: Self.now)
        #expect(pass.failed == 1)
        #expect(pass.delivered == 1)
        // Equal jitter: the first retry waits 15–30 s, so nothing is due before 15 s.
        pass = try await fixture.worker.pass(now: Self.now + 14_999)
        #expect(pass.failed + pass.delivered == 0)
        pass = try await fixture.worker.pass(now: Self.now + 30_000)
        #expect(pass.failed == 1)
        // The second retry waits 30–60 s after the second failure.
        pass = try await fixture.worker.pass(now: Self.now + 30_000 + 29_999)
        #expect(pass.failed + pass.delivered == 0)
        pass = try await fixture.worker.pass(now: Self.now + 30_000 + 60_000)
        #expect(pass.delivered == 1)
        let webhook = fixture.channel.received.filter { $0.recipient.address == .webhook(url: "http://hooks/po-1") }
        #expect(webhook.count == 3)
        #expect(Set(webhook.map(\.key)).count == 1)
        #expect(Set(webhook.map(\.body)).count == 1)
    }

    @Test func afterTheTwentiethFailureTheDeliveryIsDeadAndTheCentreIsTold() async throws {
        let fixture = try WorkerFixture()
        let id = try fixture.raise(.tamperStrap, severity: .critical)
        fixture.channel.fail("http://hooks/po-1", times: 1_000)
        // Everything to PO-1's webhook fails, daily summaries included (from 08:00): only
        // the alert's prompt is followed here.
        let key = "alert-\(id).opened.officer:PO-1.webhook"
        var now = Self.now
        for _ in 1...19 {
            _ = try await fixture.worker.pass(now: now)
            now += 3_600_000 + 1
        }
        #expect(try fixture.store.alerts().filter { $0.type == "system.delivery_failed" && $0.details["alert"] == .integer(id) }.isEmpty)
        _ = try await fixture.worker.pass(now: now)
        let failed = try #require(try fixture.store.alerts().first { $0.type == "system.delivery_failed" && $0.details["alert"] == .integer(id) })
        #expect(failed.details["alert"] == .integer(id))
        #expect(failed.details["attempts"] == .integer(20))
        #expect(failed.details["channel"] == .text("webhook"))
        let _ = try await fixture.worker.pass(now: now)
        let toCentre = fixture.channel.received.filter { $0.recipient.address == .webhook(url: "http://hooks/centre") }
        #expect(toCentre.map(\.event).contains("delivery_failed"))
        #expect(fixture.channel.received.filter { $0.key == key }.count == 20)
        _ = try await fixture.worker.pass(now: now + 10 * 3_600_000)
        #expect(fixture.channel.received.filter { $0.key == key }.count == 20)
    }

    @Test func anUnacknowledgedAlertEscalatesToTheCentreAtItsDeadline() async throws {
        let fixture = try WorkerFixture()
        let id = try fixture.raise(.curfewAbsence, severity: .high)
        _ = try await fixture.worker.pass(now: Self.now + 60 * 60_000 - 1)
        #expect(try fixture.store.alert(id: id)?.escalated == false)
        let pass = try await fixture.worker.pass(now: Self.now + 60 * 60_000)
        #expect(pass.escalated == 1)
        #expect(try fixture.store.alert(id: id)?.escalated == true)
        let escalation = try #require(fixture.channel.received.first { $0.event == "escalated" })
        #expect(escalation.recipient.address == .webhook(url: "http://hooks/centre"))
        #expect(escalation.key == "alert-\(id).escalated.centre.webhook")
    }

    @Test func transitionsAreRaisedOnScheduleWithTheComplianceSummaryAndOnceEach() async throws {
        let fixture = try WorkerFixture()
        let day: Int64 = 86_400_000
        let fourteen = WorkerFixture.orderEnd - 14 * day
        #expect(try await fixture.worker.pass(now: fourteen - 1).transitionsRaised == 0)
        #expect(try await fixture.worker.pass(now: fourteen).transitionsRaised == 1)
        #expect(try await fixture.worker.pass(now: fourteen + day).transitionsRaised == 0)
        let prompt = try #require(fixture.channel.received.first { $0.event == "transition" && $0.recipient.address == .webhook(url: "http://hooks/po-1") })
        let body = WorkerFixture.body(prompt.body)
        let compliance = try #require(body["compliance"] as? [String: Any])
        // 1 Oct (order start) to 18 Dec: 78 local days, none with an episode.
        #expect(compliance["daysMonitored"] as? Int == 78)
        #expect(compliance["daysWithoutEpisode"] as? Int == 78)
        let alert = try #require(try fixture.store.alerts().first { $0.type == "transition.order_ending" })
        #expect(alert.start == fourteen)
        #expect(alert.details["daysLeft"] == .integer(14))
        // Down from then until two days after the end: the two points left, once each.
        #expect(try await fixture.worker.pass(now: WorkerFixture.orderEnd + 2 * day).transitionsRaised == 2)
        #expect(try await fixture.worker.pass(now: WorkerFixture.orderEnd + 3 * day).transitionsRaised == 0)
        #expect(try fixture.store.alerts().filter { $0.type.hasPrefix("transition.") }.map(\.type).sorted()
                == ["transition.order_ended", "transition.order_ending", "transition.order_ending"])
    }

    @Test func eachOfficerGetsOneSummaryADayFromEightUTC() async throws {
        let fixture = try WorkerFixture()
        _ = try fixture.raise(.batteryLow, severity: .low)
        let morning = Instant.milliseconds(rfc3339: "2026-11-24T07:59:59Z")!
        #expect(try await fixture.worker.pass(now: morning).summariesOwed == 0)
        #expect(try await fixture.worker.pass(now: morning + 1_000).summariesOwed == 1)
        #expect(try await fixture.worker.pass(now: morning + 3_600_000).summariesOwed == 0)
        #expect(try await fixture.worker.pass(now: morning + 86_400_000 + 1_000).summariesOwed == 1)
        let summaries = fixture.channel.received.filter { $0.event == "summary" && $0.recipient.address == .webhook(url: "http://hooks/po-1") }
        #expect(summaries.count == 2)
        let alerts = try #require(WorkerFixture.body(summaries[0].body)["alerts"] as? [[String: Any]])
        #expect(alerts.map { $0["type"] as? String } == ["device.battery_low"])
        // A low alert gets no prompt of its own.
        #expect(!fixture.channel.received.contains { $0.event == "opened" })
    }

    @Test func aWorkerAskedToStopTakesNoDeliveries() async throws {
        let fixture = try WorkerFixture()
        _ = try fixture.raise(.tamperStrap, severity: .critical)
        let pass = try await fixture.worker.pass(now: Self.now, stopping: { true })
        #expect(pass.deliveriesQueued == 2)
        #expect(pass.delivered == 0)
        #expect(fixture.channel.received.isEmpty)
        #expect(try await fixture.worker.pass(now: Self.now).delivered == 2)
    }

    /// Review finding: a prompt that cannot be written out (its alert gone from a store
    /// edited by hand) stopped every pass before any delivery.
    @Test func aPromptThatCannotBeWrittenOutIsSetAsideAndTheOthersGo() async throws {
        let fixture = try WorkerFixture()
        let gone = try fixture.raise(.tamperStrap, severity: .critical)
        let kept = try fixture.raise(.curfewAbsence, severity: .high, start: Instant.milliseconds(rfc3339: "2026-11-21T19:00:00Z")!)
        try fixture.raw { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(sql: "DELETE FROM alertHistory WHERE alertId = ?", arguments: [gone])
            try db.execute(sql: "DELETE FROM alert WHERE id = ?", arguments: [gone])
        }
        let pass = try await fixture.worker.pass(now: Self.now)
        #expect(fixture.channel.received.contains { $0.key == "alert-\(kept).opened.officer:PO-1.webhook" })
        let failed = try #require(try fixture.store.alerts().first { $0.type == "system.delivery_failed" })
        #expect(failed.details["alert"] == .integer(gone))
        #expect(failed.details["lastError"]?.text.hasPrefix("it could not be written out") == true)
        #expect(pass.delivered >= 2)
    }
}
