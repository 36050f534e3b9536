/// Why a prompt is sent (alerts.md, "The follow-up worker"): the alert change that put a
/// notification in the outbox.
public enum PromptEvent: Sendable, Equatable {
    /// The alert opened.
    case opened
    /// A drinking episode ended and its classification is `confirmed`.
    case confirmed
    /// Not acknowledged within its deadline after `raisedAt` (``AcknowledgementDeadline``).
    case escalated
    /// A transition point of an order (rules.md, "Transition points"), with the summary
    /// the prompt carries; the alert is the `transition.*` one.
    case transition(ComplianceSummary)
    /// A notification was dead-lettered; the alert is the `system.delivery_failed` one.
    case deliveryFailed
}
