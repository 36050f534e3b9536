/// What one delivery attempt came to. A failure is an outcome, not an error: the worker
/// records it and retries on the schedule (alerts.md, "The follow-up worker").
public enum DeliveryOutcome: Sendable, Hashable {
    case delivered
    /// Why, for a person reading the outbox or the dead-letter alert
    /// ("HTTP 503 from http://…", "no answer within 10 s from http://…").
    case failed(reason: String)
}
