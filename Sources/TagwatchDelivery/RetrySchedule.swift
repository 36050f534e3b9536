/// When to try a failed delivery again, and when to give up (alerts.md, "The follow-up
/// worker": 30 s doubling, capped at 1 h, with jitter; dead after 20 attempts).
///
/// The jitter is "equal jitter": after the n-th failure the ceiling is
/// `min(initial · 2^(n-1), cap)` and the delay is drawn uniformly, to the millisecond,
/// from its upper half `[ceiling/2, ceiling]`. Half keeps the backoff (a receiver that is
/// down is not hit again at once, as full jitter's draws near zero would), the other half
/// spreads the retries of notifications that failed together. The generator is the
/// caller's, so a test can seed it.
public struct RetrySchedule: Sendable, Hashable {
    /// The ceiling after the first failure.
    public var initial: Duration
    /// The largest ceiling, whatever the number of failures.
    public var cap: Duration
    /// Failed attempts after which the notification is dead-lettered.
    public var maxAttempts: Int

    public init(initial: Duration = .seconds(30), cap: Duration = .seconds(3600), maxAttempts: Int = 20) {
        self.initial = initial
        self.cap = cap
        self.maxAttempts = maxAttempts
    }

    /// The wait before the next attempt after `n` failed ones (`n` ≥ 1). Ask
    /// ``isDead(failedAttempts:)`` first: past `maxAttempts` there is no next attempt.
    public func delay(afterFailedAttempt n: Int, using generator: inout some RandomNumberGenerator) -> Duration {
        precondition(n >= 1, "a delay follows a failed attempt: n counts from 1")
        let ceiling = ceiling(afterFailedAttempt: n).milliseconds
        let floor = ceiling / 2
        return .milliseconds(Int64.random(in: floor...ceiling, using: &generator))
    }

    /// True once `failedAttempts` reaches `maxAttempts`: the notification is dead and the
    /// centre is told (`system.delivery_failed`).
    public func isDead(failedAttempts: Int) -> Bool {
        failedAttempts >= maxAttempts
    }

    /// `min(initial · 2^(n-1), cap)`, doubling only until the cap so that no count of
    /// failures overflows.
    private func ceiling(afterFailedAttempt n: Int) -> Duration {
        var ceiling = initial
        var doublings = n - 1
        while doublings > 0, ceiling < cap {
            ceiling *= 2
            doublings -= 1
        }
        return min(ceiling, cap)
    }
}
