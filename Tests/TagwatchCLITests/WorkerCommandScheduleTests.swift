import Foundation
import TagwatchDeliveryTesting
import Testing

/// Escalation and transition points fall due at the right times (alerts.md,
/// "Escalation"; rules.md, "Transition points"), driven by `worker --once --now`.
@Suite struct WorkerCommandScheduleTests {
    typealias Fixture = WorkerFixture
    static let secret = Array(WorkerFixture.secret.utf8)

    @Test func aHighAlertIsEscalatedToTheCentreAnHourAfterItWasRaisedAndOnce() async throws {
        try await WebhookReceiver.run(secret: Self.secret) { receiver in
            let fixture = try await Fixture.make(hooks: receiver, subjects: [Fixture.standard[1]])
            defer { fixture.remove() }
            let s2 = fixture.subjects[0]
            try await fixture.openDrinkingAlerts([s2])
            let alert = try await fixture.alert("alcohol.drinking", of: s2)
            #expect(alert["severity"] as? String == "high")
            let id = try #require(alert["id"] as? String)
            let raised = try #require(Fixture.milliseconds(alert["raisedAt"]))

            let early = try await fixture.pass(at: raised + 60 * Fixture.minute - 1)
            #expect(early.escalated == 0)
            #expect(try await fixture.alert("alcohol.drinking", of: s2)["escalated"] as? Bool == false)
            #expect(receiver.requests(to: "/centre").isEmpty)

            let due = try await fixture.pass(at: raised + 60 * Fixture.minute)
            #expect(due.escalated == 1)
            #expect(try await fixture.alert("alcohol.drinking", of: s2)["escalated"] as? Bool == true)
            let centre = receiver.requests(to: "/centre")
            #expect(centre.count == 1)
            if let prompt = centre.first {
                expectPrompt(prompt, to: "/centre", event: "escalated", alert: id)
                #expect(prompt.alert?["escalated"] as? Bool == true)
            }

            #expect(try await fixture.pass(at: raised + 2 * Fixture.hour).escalated == 0)
            #expect(receiver.requests(to: "/centre").count == 1)
            // PO-2 got the opened prompt, and a summary if the passes fell after 08:00 UTC
            // (a pass delivers side by side: in no particular order).
            let officer = receiver.requests(to: "/po-2").map { $0.event ?? "-" }
            #expect(officer.filter { $0 != "summary" } == ["opened"])
            #expect(officer.filter { $0 == "summary" }.count <= 1)
            try fixture.expectMails(for: receiver.requests)
        }
    }

    @Test func anAcknowledgedAlertIsNeverEscalated() async throws {
        try await WebhookReceiver.run(secret: Self.secret) { receiver in
            let fixture = try await Fixture.make(hooks: receiver, subjects: Array(Fixture.standard.prefix(2)))
            defer { fixture.remove() }
            let (s1, s2) = (fixture.subjects[0], fixture.subjects[1])
            try await fixture.openDrinkingAlerts([s1, s2])
            let a1 = try await fixture.alert("alcohol.drinking", of: s1)
            let a2 = try await fixture.alert("alcohol.drinking", of: s2)
            let id2 = try #require(a2["id"] as? String)
            let ack = try await fixture.tagwatch(["alerts", "ack", id2, "--db", fixture.store, "--by", "op-1"])
            try #require(ack.status == 0, "\(ack.output)\(ack.errors)")
            let raised = try #require([a1, a2].compactMap { Fixture.milliseconds($0["raisedAt"]) }.max())

            // Two days on, S-1's alert (medium, 24 h) is escalated; S-2's, acknowledged, is not.
            #expect(try await fixture.pass(at: raised + 2 * Fixture.day).escalated == 1)
            #expect(try await fixture.pass(at: raised + 3 * Fixture.day).escalated == 0)
            #expect(try await fixture.alert("alcohol.drinking", of: s2)["escalated"] as? Bool == false)
            #expect(try await fixture.alert("alcohol.drinking", of: s1)["escalated"] as? Bool == true)
            #expect(receiver.requests(to: "/centre").map(\.summary) == ["/centre escalated \(a1["id"] as? String ?? "?")"])
        }
    }

    @Test func anOrdersTransitionPointsFallDueAt14And3DaysBeforeItsEndAndAtIt() async throws {
        try await WebhookReceiver.run(secret: Self.secret) { receiver in
            let fixture = try await Fixture.make(hooks: receiver, subjects: [Fixture.standard[0]])
            defer { fixture.remove() }
            let end = fixture.orderEnd
            let day = Fixture.day
            // Each point raised once, prompting PO-1 by webhook and email; the passes fall
            // at 06:00 UTC, before the daily summaries.
            let raised = WorkerPass(transitions: 1, queued: 2, delivered: 2)
            let schedule: [(at: Int64, pass: WorkerPass, daysLeft: Int?)] = [
                (end - 20 * day, WorkerPass(), nil),
                (end - 14 * day - 1, WorkerPass(), nil),
                (end - 14 * day, raised, 14),
                (end - 10 * day, WorkerPass(), nil),
                (end - 3 * day - 1, WorkerPass(), nil),
                (end - 3 * day, raised, 3),
                (end - 1, WorkerPass(), nil),
                (end, raised, 0),
                (end + day, WorkerPass(), nil),
            ]
            for step in schedule {
                let before = receiver.requests.count
                #expect(try await fixture.pass(at: step.at) == step.pass, "at \(Fixture.rfc3339(step.at))")
                let new = receiver.requests.dropFirst(before)
                #expect(new.count == (step.daysLeft == nil ? 0 : 1), "at \(Fixture.rfc3339(step.at))")
                if let daysLeft = step.daysLeft, let prompt = new.first {
                    expectPrompt(prompt, to: "/po-1", event: "transition", alert: nil)
                    #expect(prompt.alert?["type"] as? String == (daysLeft == 0 ? "transition.order_ended" : "transition.order_ending"))
                    #expect((prompt.alert?["details"] as? [String: Any])?["daysLeft"] as? Int == daysLeft)
                    #expect(prompt.alert?["officer"] as? String == "PO-1")
                    #expect(prompt.json["compliance"] is [String: Any])
                }
            }
            try fixture.expectMails(for: receiver.requests)
        }
    }

    @Test func aWorkerFirstRunAfterTheEndRaisesEachMissedPointOnce() async throws {
        try await WebhookReceiver.run(secret: Self.secret) { receiver in
            let fixture = try await Fixture.make(hooks: receiver, subjects: [Fixture.standard[0]])
            defer { fixture.remove() }
            let late = fixture.orderEnd + 2 * Fixture.day
            #expect(try await fixture.pass(at: late) == WorkerPass(transitions: 3, queued: 6, delivered: 6))
            let prompts = receiver.requests(to: "/po-1")
            #expect(prompts.count == 3)
            let points = prompts.compactMap { prompt -> String? in
                guard let type = prompt.alert?["type"] as? String,
                      let daysLeft = (prompt.alert?["details"] as? [String: Any])?["daysLeft"] as? Int else { return nil }
                return "\(type) \(daysLeft)"
            }
            #expect(points.sorted() == ["transition.order_ended 0", "transition.order_ending 14", "transition.order_ending 3"])
            #expect(Set(prompts.compactMap(\.alertID)).count == 3)
            #expect(try await fixture.pass(at: late + Fixture.minute) == WorkerPass())
            #expect(try await fixture.pass(at: late + 30 * Fixture.day).transitions == 0)
            #expect(receiver.requests.count == 3)
            let transitions = try await fixture.alerts().filter { ($0["type"] as? String)?.hasPrefix("transition.") == true }
            #expect(transitions.count == 3)
        }
    }
}
