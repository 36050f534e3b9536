import Foundation
import TagwatchDelivery
import TagwatchStore

extension FollowUpWorker {
    /// Delivers `due` side by side, each outcome recorded as it comes: delivered, or
    /// failed and due again after the retry schedule's wait, or dead after the last
    /// attempt (alerts.md, "Retries"). So a slow receiver holds back no other delivery's
    /// record, and a worker killed meanwhile leaves only those still in flight to go again.
    func deliver(_ due: [QueuedDelivery], clock: @Sendable () -> Int64, into pass: inout Pass) async throws(StoreError) {
        var tally = pass
        var failure: StoreError?
        await withTaskGroup(of: (QueuedDelivery, DeliveryOutcome).self) { group in
            for delivery in due {
                group.addTask { (delivery, await channel(for: delivery).deliver(OutboxNotification(delivery))) }
            }
            var generator = SystemRandomNumberGenerator()
            for await (delivery, outcome) in group {
                failure = record(outcome, of: delivery, now: clock(), into: &tally, using: &generator)
                // The store failed: what is left stays claimed, and goes again once the lease ends.
                if failure != nil { break }
            }
        }
        pass = tally
        if let failure { throw failure }
    }

    /// Records one outcome; the store's error, if it could not.
    private func record(_ outcome: DeliveryOutcome, of delivery: QueuedDelivery, now: Int64, into pass: inout Pass,
                        using generator: inout some RandomNumberGenerator) -> StoreError? {
        do throws(StoreError) {
            switch outcome {
            case .delivered:
                try store.recordDelivered(delivery.id, at: now)
                pass.delivered += 1
            case .failed(let reason):
                let failures = delivery.attempts + 1
                let retryAt = policy.retries.isDead(failedAttempts: failures)
                    ? nil : now + policy.retries.delay(afterFailedAttempt: failures, using: &generator).milliseconds
                try store.recordFailure(delivery, owner: owner, reason: reason, retryAt: retryAt, at: now)
                if retryAt == nil { pass.dead += 1 } else { pass.failed += 1 }
            }
            return nil
        } catch {
            return error
        }
    }

    private func channel(for delivery: QueuedDelivery) -> any DeliveryChannel {
        if delivery.channel == "email" { return mail }
        return webhook ?? Unconfigured()
    }
}

/// Stands in for the webhook channel when no secret is set (the command refuses to start
/// so; a library caller may not): every webhook delivery fails with a reason a person
/// can act on, and after the last attempt the centre is told.
private struct Unconfigured: DeliveryChannel {
    func deliver(_ notification: OutboxNotification) async -> DeliveryOutcome {
        .failed(reason: "TAGWATCH_WEBHOOK_SECRET is not set, so webhooks cannot be signed; set it and restart the worker")
    }
}

extension OutboxNotification {
    init(_ delivery: QueuedDelivery) {
        let address: Recipient.Address = delivery.channel == "email" ? .email(address: delivery.address) : .webhook(url: delivery.address)
        self.init(key: delivery.key, event: delivery.event, recipient: Recipient(name: delivery.name, address: address),
                  body: [UInt8](delivery.body), mailSubject: delivery.mailSubject, mailText: delivery.mailText, createdAt: delivery.createdAt)
    }
}
