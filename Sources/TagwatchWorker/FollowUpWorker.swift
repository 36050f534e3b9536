import Foundation
import TagwatchCaseload
import TagwatchDelivery
import TagwatchStore

/// The follow-up worker (alerts.md, "The follow-up worker"): raises transition points,
/// escalates alerts past their deadline, owes daily summaries, turns owed prompts into
/// deliveries and delivers those due. Every step is a store transaction, so a worker
/// killed at any instant and started again loses nothing and doubles nothing but, at
/// worst, the deliveries it had in flight, which go again under the same idempotency
/// keys once their lease ends.
public struct FollowUpWorker: Sendable {
    public var store: Store
    public var policy: FollowUpPolicy
    /// Nil when no secret is set: a webhook delivery then fails, saying so.
    public var webhook: (any DeliveryChannel)?
    public var mail: any DeliveryChannel
    /// Names this worker's leases; unique per process.
    public var owner: String

    public init(store: Store, policy: FollowUpPolicy = FollowUpPolicy(), webhook: (any DeliveryChannel)?, mail: any DeliveryChannel,
                owner: String = "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier):\(UUID().uuidString.prefix(8))") {
        self.store = store
        self.policy = policy
        self.webhook = webhook
        self.mail = mail
        self.owner = owner
    }

    /// What one pass did.
    public struct Pass: Sendable, Equatable {
        public var transitionsRaised = 0
        public var escalated = 0
        public var summariesOwed = 0
        public var deliveriesQueued = 0
        public var delivered = 0
        public var failed = 0
        public var dead = 0

        public init() {}
    }

    /// One pass at the fixed instant `now` (`--now`): every step once, then deliveries
    /// until none is due.
    public func pass(now: Int64, stopping: @Sendable () -> Bool = { false }) async throws(StoreError) -> Pass {
        try await pass(clock: { now }, stopping: stopping)
    }

    /// One pass on `clock` (wall-clock milliseconds), read afresh for each round of
    /// deliveries, so a lease is counted from when it is taken, not from the pass's start.
    /// `stopping` is asked between rounds: a worker shutting down finishes the deliveries
    /// in flight and takes no more.
    public func pass(clock: @Sendable () -> Int64, stopping: @Sendable () -> Bool = { false }) async throws(StoreError) -> Pass {
        var pass = Pass()
        let now = clock()
        let caseload = try store.caseload()
        pass.transitionsRaised = try raiseTransitions(caseload, now: now)
        pass.escalated = try store.escalate(deadlines: policy.escalationDeadlines, now: now).count
        pass.summariesOwed = try oweSummaries(caseload, now: now)
        // Each round first queues what is owed, so a prompt owed by the round before (a
        // dead delivery's `system.delivery_failed` for the centre) goes in this pass.
        while true {
            let taken = clock()
            pass.deliveriesQueued += try queueOwed(caseload, now: taken)
            if stopping() { break }
            let due = try store.claimDeliveries(owner: owner, now: taken, leaseUntil: taken + policy.lease, limit: policy.claimLimit)
            if due.isEmpty { break }
            try await deliver(due, clock: clock, into: &pass)
        }
        return pass
    }
}
