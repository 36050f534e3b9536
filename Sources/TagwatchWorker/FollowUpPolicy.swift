import TagwatchDelivery
import TagwatchRules

/// The follow-up worker's timings (alerts.md, "The follow-up worker"), the contract's
/// numbers by default.
public struct FollowUpPolicy: Sendable {
    /// How long after `raisedAt` an alert still open is escalated, by severity; a
    /// severity not listed (`low`) never is.
    public var escalationDeadlines: [String: Int64] = Dictionary(uniqueKeysWithValues: AlertSeverity.allCases.compactMap { severity in
        AcknowledgementDeadline.minutes(for: severity).map { (severity.name, $0 * 60_000) }
    })
    public var retries = RetrySchedule()
    /// How long a worker holds a delivery it took: longer than a webhook may take to
    /// answer (10 s), so a live worker never loses one, and short enough that one killed
    /// mid-delivery lets it go soon.
    public var lease: Int64 = 60_000
    /// Hour of the day (UTC) from which each officer's daily summary is owed.
    public var summaryHour = 8
    /// Deliveries taken at a time.
    public var claimLimit = 32

    public init() {}
}
