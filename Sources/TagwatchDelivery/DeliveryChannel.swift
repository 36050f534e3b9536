/// A way of handing a notification to its recipient: a webhook or the mail spool
/// (alerts.md, "The follow-up worker").
///
/// `deliver` never throws: whatever goes wrong is a ``DeliveryOutcome/failed(reason:)``
/// the worker records and retries, so one bad recipient cannot stop the queue.
public protocol DeliveryChannel: Sendable {
    func deliver(_ notification: OutboxNotification) async -> DeliveryOutcome
}
