import Foundation
import TagwatchDeliveryTesting
import Testing

/// "Restartable at any moment without losing or doubling a prompt" (alerts.md, "The
/// follow-up worker"): two workers on one store, a worker killed mid-delivery, a worker
/// stopped with SIGTERM.
@Suite struct WorkerCommandConcurrencyTests {
    typealias Fixture = WorkerFixture
    static let secret = Array(WorkerFixture.secret.utf8)
    static let hooks = ["/po-1", "/po-2", "/centre"]

    /// Forty subjects, odd ones PO-1's (webhook and email), even ones PO-2's (webhook).
    static let many = (1...40).map { Fixture.Subject(number: $0, officer: $0 % 2 == 1 ? "PO-1" : "PO-2", risk: "low") }

    /// Polls until `condition` holds or `limit` passes; true when it held.
    static func eventually(within limit: Duration, _ condition: () -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + limit
        while !condition() {
            if ContinuousClock.now >= deadline { return false }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return true
    }

    @Test func twoWorkersStartedTogetherDeliverEachPromptExactlyOnce() async throws {
        try await WebhookReceiver.run(secret: Self.secret) { receiver in
            for hook in Self.hooks { receiver.script(hook, .stall(.milliseconds(50)), times: 1000) }
            let fixture = try await Fixture.make(hooks: receiver, subjects: Self.many)
            defer { fixture.remove() }
            try await fixture.openDrinkingAlerts(fixture.subjects)
            let raised = try await fixture.alerts().compactMap { Fixture.milliseconds($0["raisedAt"]) }
            // 09:00 UTC two days after the alerts were raised: each of the 40 (medium)
            // opened (PO-1's 20 by webhook and email, PO-2's by webhook), escalated to the
            // centre (webhook and email), and a daily summary to each officer.
            let now = (try #require(raised.max()) / Fixture.day + 2) * Fixture.day + 9 * Fixture.hour
            let (webhooks, emails) = (40 + 40 + 2, 20 + 40 + 1)

            let workers = try (0..<2).map { _ in
                try TagwatchProcess.start(fixture.workerArguments(at: now), environment: fixture.environment(), in: fixture.folder)
            }
            var passes: [WorkerPass] = []
            for worker in workers {
                let run = await worker.finish()
                #expect(run.status == 0, "\(run.output)\(run.errors)")
                passes.append(try #require(WorkerPass(output: run.output), "\(run.output)\(run.errors)"))
            }
            #expect(receiver.requests.count == webhooks)
            #expect(receiver.uniqueKeys.count == webhooks)
            #expect(receiver.repeats == 0)
            #expect(receiver.requests.allSatisfy { $0.signatureVerified })
            let rows = try fixture.deliveries()
            #expect(rows.count == webhooks + emails)
            #expect(rows.allSatisfy { $0.status == "delivered" })
            #expect(Set(rows.filter { $0.channel == "webhook" }.map(\.key)) == Set(receiver.uniqueKeys))
            try fixture.expectMails(for: receiver.requests)
            // Between them the two did each step once.
            #expect(passes.map(\.delivered).reduce(0, +) == webhooks + emails, "\(passes)")
            #expect(passes.map(\.escalated).reduce(0, +) == 40, "\(passes)")
            #expect(passes.map(\.summaries).reduce(0, +) == 2, "\(passes)")
            #expect(passes.map(\.queued).reduce(0, +) == webhooks + emails, "\(passes)")
            #expect(passes.map(\.failed).reduce(0, +) == 0, "\(passes)")
        }
    }

    @Test func aWorkerKilledMidDeliveryLosesNothingAndItsSuccessorResendsUnderTheSameKey() async throws {
        try await WebhookReceiver.run(secret: Self.secret) { receiver in
            let fixture = try await Fixture.make(hooks: receiver, subjects: Self.many)
            defer { fixture.remove() }
            try await fixture.openDrinkingAlerts(fixture.subjects)
            receiver.script("/po-2", .stall(.seconds(30)))
            // 06:00 UTC, before the alerts were raised: only the 40 opened prompts.
            let now = fixture.base + Fixture.day + 6 * Fixture.hour
            let worker = try TagwatchProcess.start(fixture.workerArguments(at: now), environment: fixture.environment(), in: fixture.folder)
            let stalled = await Self.eventually(within: .seconds(30)) { !receiver.requests(to: "/po-2").isEmpty }
            let stalledKey = receiver.requests(to: "/po-2").first?.idempotencyKey
            // Each outcome is recorded as it comes: soon the stalled delivery is the only
            // one the worker still holds.
            let settled = await Self.eventually(within: .seconds(5)) {
                (try? fixture.deliveries().filter { $0.leaseOwner != nil }.map(\.key)) == stalledKey.map { [$0] }
            }
            worker.signal(SIGKILL)
            _ = await worker.finish()
            try #require(stalled, "the worker never reached the stalling hook")
            #expect(worker.wasSignalled)
            #expect(settled, "deliveries answered long before the kill were not recorded")
            // Whatever the worker had written to a socket before it died has arrived.
            try await Task.sleep(for: .milliseconds(300))
            let sentBeforeKill = Set(receiver.requests.compactMap(\.idempotencyKey))
            let held = try fixture.deliveries().filter { $0.leaseOwner != nil }
            #expect(held.map(\.key) == [stalledKey].compactMap { $0 })
            #expect(held.allSatisfy { $0.status == "pending" })

            // Within the lease (60 s) the delivery the dead worker held stays with it; the
            // rest go.
            let within = try await fixture.pass(at: now + 59_000)
            let duringLease = receiver.requests.dropFirst(sentBeforeKill.count).compactMap(\.idempotencyKey)
            #expect(Set(duringLease).isDisjoint(with: sentBeforeKill))
            let pending = try fixture.deliveries().filter { $0.status != "delivered" }
            #expect(Set(pending.map(\.key)) == Set(held.map(\.key)), "pass within the lease: \(within)")

            // Past the lease: it goes again, under its key; nothing was lost, and only the
            // delivery in flight when the worker died came twice.
            let after = try await fixture.pass(at: now + 2 * Fixture.minute)
            #expect(after == WorkerPass(delivered: held.count))
            let rows = try fixture.deliveries()
            #expect(rows.allSatisfy { $0.status == "delivered" }, "\(rows.filter { $0.status != "delivered" }.map(\.key))")
            let webhookKeys = rows.filter { $0.channel == "webhook" }.map(\.key)
            #expect(webhookKeys.count == 40)
            #expect(Set(receiver.uniqueKeys) == Set(webhookKeys))
            #expect(receiver.uniqueKeys.count == 40)
            #expect(receiver.requests.filter { $0.idempotencyKey == stalledKey }.map(\.signatureVerified) == [true, true])
            #expect(receiver.repeats == 1)
            try fixture.expectMails(for: receiver.requests)
        }
    }

    @Test func sigtermStopsTheServiceWithItsDeliveriesRecordedAndExitZero() async throws {
        try await WebhookReceiver.run(secret: Self.secret) { receiver in
            for hook in Self.hooks { receiver.script(hook, .stall(.milliseconds(300)), times: 1000) }
            let fixture = try await Fixture.make(hooks: receiver, subjects: Self.many)
            defer { fixture.remove() }
            try await fixture.openDrinkingAlerts(fixture.subjects)
            let service = try TagwatchProcess.start(["worker", "--db", fixture.store], environment: fixture.environment(), in: fixture.folder)
            let busy = await Self.eventually(within: .seconds(30)) { !receiver.requests.isEmpty }
            try #require(busy, "the service sent nothing")
            let stopped = ContinuousClock.now
            service.signal(SIGTERM)
            let exited = await service.exited(within: .seconds(5))
            let run = await service.finish(within: .seconds(1))
            #expect(exited, "still running 5 s after SIGTERM")
            #expect(run.status == 0, "\(run.errors)")
            #expect(!service.wasSignalled)
            let took = ContinuousClock.now - stopped

            // What it sent is recorded delivered; it holds nothing.
            let rows = try fixture.deliveries()
            let sent = Set(receiver.requests.compactMap(\.idempotencyKey))
            #expect(rows.filter { sent.contains($0.key) }.allSatisfy { $0.status == "delivered" })
            #expect(rows.allSatisfy { $0.leaseOwner == nil })
            let remaining = rows.filter { $0.status != "delivered" }.count
            // 40 prompts at 300 ms each, 32 deliveries taken at a time: some were never
            // taken, unless the service went on after SIGTERM.
            #expect(remaining > 0, "all delivered \(took) after SIGTERM: the service took more after it")

            // A pass on the wall clock delivers the rest, none twice.
            #expect(try await fixture.pass(at: nil).delivered == remaining)
            #expect(try fixture.deliveries().allSatisfy { $0.status == "delivered" })
            #expect(receiver.repeats == 0)
            #expect(Set(receiver.uniqueKeys) == Set(rows.filter { $0.channel == "webhook" }.map(\.key)))
            try fixture.expectMails(for: receiver.requests)
        }
    }

    /// The command line lists `--now` and `--once` apart: a service started `--now T`
    /// runs its clock from T at the wall clock's pace.
    @Test func aServiceStartedAtNowRunsItsClockFromThere() async throws {
        try await WebhookReceiver.run(secret: Self.secret) { receiver in
            let fixture = try await Fixture.make(hooks: receiver)
            defer { fixture.remove() }
            let start = fixture.orderEnd + Fixture.day
            let service = try TagwatchProcess.start(["worker", "--db", fixture.store, "--now", Fixture.rfc3339(start)],
                                                    environment: fixture.environment(), in: fixture.folder)
            // Past each order's end: its three transition points, each once, prompted on
            // every webhook the caseload gives the subject's officer.
            let expected = 3 * fixture.subjects.count
            func transitionWebhooks() -> [DeliveryRow] {
                ((try? fixture.deliveries()) ?? []).filter { $0.event == "transition" && $0.channel == "webhook" }
            }
            let delivered = await Self.eventually(within: .seconds(30)) {
                let rows = transitionWebhooks()
                return !rows.isEmpty && rows.allSatisfy { $0.status == "delivered" }
            }
            service.signal(SIGTERM)
            let run = await service.finish(within: .seconds(10))
            #expect(delivered)
            #expect(run.status == 0, "\(run.errors)")
            let received = receiver.requests.filter { request in
                ((try? JSONSerialization.jsonObject(with: Data(request.body))) as? [String: Any])?["event"] as? String == "transition"
            }
            #expect(Set(received.compactMap(\.idempotencyKey)) == Set(transitionWebhooks().map(\.key)))
            let transitions = try await fixture.alerts().filter { ($0["type"] as? String)?.hasPrefix("transition.") == true }
            #expect(transitions.count == expected)
            let raisedAt = transitions.compactMap { Fixture.milliseconds($0["raisedAt"]) }
            #expect(raisedAt.count == expected && raisedAt.allSatisfy { $0 >= start && $0 < start + 60_000 })
        }
    }
}
