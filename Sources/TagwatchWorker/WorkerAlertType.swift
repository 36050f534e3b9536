/// The alert types the worker raises itself, beside the rules' `AlertType` (rules.md,
/// "Transition points"; alerts.md, "Retries").
///
/// A `system.delivery_failed` alert's details name the notification that could not be
/// delivered: `event` (text, as the webhook names it), `alert` (integer, the id of the
/// alert it was about; absent for a daily summary), `recipient` (text: an officer's id
/// or `centre`), `channel` (text: `webhook` or `email`), `attempts` (integer) and
/// `lastError` (text).
public enum WorkerAlertType: String, Sendable {
    case orderEnding = "transition.order_ending"
    case orderEnded = "transition.order_ended"
    case deliveryFailed = "system.delivery_failed"
}
