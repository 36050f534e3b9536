import Foundation
import TagwatchDeliveryTesting
import Testing

/// Failed webhook deliveries (alerts.md, "Retries"): retried with backoff (30 s doubling,
/// capped at 1 h, equal jitter: the n-th wait is drawn from the upper half of
/// min(30 s · 2ⁿ⁻¹, 1 h)) under the same key with the same bytes, and dead after 20
/// failed attempts, which raises `system.delivery_failed` for the centre.
@Suite struct WorkerCommandRetryTests {
    typealias Fixture = WorkerFixture

    /// The ceiling of the wait after the n-th failure, in milliseconds.
    static func ceiling(afterFailure n: Int) -> Int64 {
        min(30_000 << Int64(n - 1), 3_600_000)
    }

    @Test func aRetriedPromptKeepsItsKeyAndItsBytesUntilTheReceiverTakesIt() async throws {
        try await WebhookReceiver.run(secret: Array(Fixture.secret.utf8)) { receiver in
            let fixture = try await Fixture.make(hooks: receiver, subjects: [Fixture.standard[0]])
            defer { fixture.remove() }
            try await fixture.openDrinkingAlerts(fixture.subjects)
            let failures = 3
            receiver.script("/po-1", .status(503), times: failures)
            // 01:00 UTC, before the alert was raised: nothing else falls due meanwhile.
            var now = fixture.base + Fixture.day + Fixture.hour
            // The email goes at once; the webhook fails.
            #expect(try await fixture.pass(at: now) == WorkerPass(queued: 2, delivered: 1, failed: 1))
            for failure in 1...failures {
                let ceiling = Self.ceiling(afterFailure: failure)
                // Not due before half the ceiling ...
                #expect(try await fixture.pass(at: now + ceiling / 2 - 1) == WorkerPass(), "after failure \(failure)")
                // ... and due by the ceiling.
                now += ceiling
                let expected = failure < failures ? WorkerPass(failed: 1) : WorkerPass(delivered: 1)
                #expect(try await fixture.pass(at: now) == expected, "after failure \(failure)")
            }
            let requests = receiver.requests(to: "/po-1")
            #expect(requests.map(\.answer) == Array(repeating: .status(503), count: failures) + [.status(200)])
            #expect(requests.allSatisfy { $0.signatureVerified })
            let key = try #require(requests.first?.idempotencyKey)
            #expect(requests.allSatisfy { $0.idempotencyKey == key })
            #expect(requests.allSatisfy { $0.body == requests[0].body })
            #expect(requests.first?.event == "opened")
            #expect(receiver.uniqueKeys == [key])
            #expect(receiver.repeats == failures)
            let webhook = try fixture.deliveries().filter { $0.channel == "webhook" }
            #expect(webhook.map(\.status) == ["delivered"])
            #expect(webhook.map(\.attempts) == [failures])
            #expect(webhook.map(\.key) == [key])
            // Delivered: no further attempt.
            #expect(try await fixture.pass(at: now + Fixture.hour) == WorkerPass())
            #expect(receiver.requests.count == failures + 1)
        }
    }

    @Test func aPromptFailingEveryAttemptIsDeadAfterTheTwentiethAndTheCentreIsTold() async throws {
        try await WebhookReceiver.run(secret: Array(Fixture.secret.utf8)) { receiver in
            let fixture = try await Fixture.make(hooks: receiver, subjects: [Fixture.standard[0]])
            defer { fixture.remove() }
            let s1 = fixture.subjects[0]
            try await fixture.openDrinkingAlerts([s1])
            let id = try #require(try await fixture.alert("alcohol.drinking", of: s1)["id"] as? String)
            // Resolved, so no daily summary adds prompts to the failing hook; its opened
            // prompt is owed all the same.
            let resolved = try await fixture.tagwatch(["alerts", "resolve", id, "--db", fixture.store, "--by", "po-1",
                                                       "--outcome", "no_violation", "--note", "sanitiser at work, checked"])
            try #require(resolved.status == 0, "\(resolved.output)\(resolved.errors)")
            receiver.script("/po-1", .status(500), times: 1000)

            // 09:00 UTC on the day after the readings, then every 61 minutes, longer than
            // the longest wait (1 h): each pass makes the next attempt.
            let start = fixture.base + Fixture.day + 9 * Fixture.hour
            let attempts = 20
            var now = start
            for attempt in 1...attempts {
                now = start + Int64(attempt - 1) * 61 * Fixture.minute
                let pass = try await fixture.pass(at: now)
                switch attempt {
                case 1: #expect(pass == WorkerPass(queued: 2, delivered: 1, failed: 1))
                case attempts:
                    // Dead, and in the same pass the centre is told, by webhook and email.
                    #expect(pass == WorkerPass(queued: 2, delivered: 2, dead: 1))
                default: #expect(pass == WorkerPass(failed: 1), "attempt \(attempt)")
                }
            }
            let requests = receiver.requests(to: "/po-1")
            #expect(requests.count == attempts)
            let key = try #require(requests.first?.idempotencyKey)
            #expect(requests.allSatisfy { $0.idempotencyKey == key && $0.answer == .status(500) && $0.body == requests[0].body })
            let row = try #require(try fixture.deliveries().first { $0.key == key })
            #expect(row.status == "dead")
            #expect(row.attempts == attempts)

            let failed = try await fixture.alert("system.delivery_failed", of: s1)
            #expect(failed["severity"] as? String == "high")
            let details = try #require(failed["details"] as? [String: Any])
            #expect(details["notification"] as? String == key)
            #expect(details["attempts"] as? Int == attempts)
            #expect(details["alert"] as? Int == Int(id))
            #expect(details["channel"] as? String == "webhook")
            let centre = receiver.requests(to: "/centre")
            #expect(centre.count == 1)
            if let prompt = centre.first {
                expectPrompt(prompt, to: "/centre", event: "delivery_failed", alert: failed["id"] as? String)
            }
            try fixture.expectMails(for: receiver.requests)

            // Dead is dead: a later pass sends nothing more to the failing hook.
            #expect(try await fixture.pass(at: now + 30 * Fixture.minute) == WorkerPass())
            #expect(receiver.requests(to: "/po-1").count == attempts)
            #expect(receiver.requests(to: "/centre").count == 1)
        }
    }
}
