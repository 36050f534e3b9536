import Foundation
import GRDB
import TagwatchRules

extension Store {
    /// A delivery attempt failed: it is tried again at `retryAt`, or, with none, it is
    /// dead: a prompt that cannot be delivered is itself something a person must know
    /// about, so the centre gets a `system.delivery_failed` alert of its own
    /// (alerts.md, "Retries"). Counted only while `owner` holds it, so a worker whose
    /// lease ran out does not count another's attempt.
    public func recordFailure(_ delivery: QueuedDelivery, owner: String, reason: String, retryAt: Int64?, at time: Int64) throws(StoreError) {
        try write("record the failed delivery \(delivery.key)") { db in
            try db.execute(sql: """
                UPDATE delivery SET attempts = attempts + 1, lastError = ?, dueAt = COALESCE(?, dueAt),
                       status = CASE WHEN ? IS NULL THEN 'dead' ELSE status END, leaseOwner = NULL, leaseUntil = NULL
                WHERE id = ? AND status = 'pending' AND leaseOwner = ?
                """, arguments: [reason, retryAt, retryAt, delivery.id, owner])
            guard db.changesCount > 0, retryAt == nil,
                  let row = try Row.fetchOne(db, sql: "SELECT * FROM notification WHERE id = ?", arguments: [delivery.notification]),
                  let notification = OwedNotification(row)
            else { return }
            try Self.deadLetter(notification, key: delivery.key, channel: delivery.channel,
                                reason: "\(delivery.channel) to \(delivery.address): \(reason)", attempts: delivery.attempts + 1, at: time, in: db)
        }
    }

    /// Raises `system.delivery_failed` for the centre about a notification that will not
    /// be delivered. A failed notice about such an alert raises no further one (the
    /// centre's own address failing would otherwise loop); its alert is already listed.
    /// `key` names what died: a delivery, or a notification with no address at all.
    static func deadLetter(_ notification: OwedNotification, key: String, channel: String?, reason: String, attempts: Int,
                           at time: Int64, in db: Database) throws {
        guard notification.event != .deliveryFailed else { return }
        let about = try notification.alert.flatMap {
            try Row.fetchOne(db, sql: "SELECT type, subject, orderId, officer FROM alert WHERE id = ?", arguments: [$0])
        }
        guard about?["type"] as String? != "system.delivery_failed" else { return }
        var details: [String: AlertDetail] = [
            "notification": .text(key), "event": .text(notification.event.rawValue),
            "recipient": .text(notification.recipient.officer ?? "centre"), "attempts": .integer(Int64(attempts)), "lastError": .text(reason),
        ]
        if let alert = notification.alert { details["alert"] = .integer(alert) }
        if let channel { details["channel"] = .text(channel) }
        let id = try raiseWorkerAlert(
            key: "system.delivery_failed:\(key)",
            type: "system.delivery_failed", severity: "high",
            subject: about?["subject"], order: about?["orderId"], officer: about?["officer"],
            start: time, details: details, at: time, in: db)
        if let id {
            try owe(.deliveryFailed, key: "alert-\(id).\(FollowUpEvent.deliveryFailed.rawValue).centre", alert: id, to: .centre, at: time, in: db)
        }
    }
}
