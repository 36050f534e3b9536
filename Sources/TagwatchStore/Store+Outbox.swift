import Foundation
import GRDB
import TagwatchRules

/// A prompt owed to a person, not yet turned into deliveries (alerts.md, "Outbox").
public struct OwedNotification: Sendable, Equatable {
    public var id: Int64
    /// Unique per alert, event and recipient (or officer and day, for a summary): the
    /// root of every delivery's idempotency key.
    public var key: String
    public var alert: Int64?
    public var event: FollowUpEvent
    public var recipient: PromptRecipient
    public var createdAt: Int64
    /// A daily summary's alerts.
    public var alerts: [Int64]
}

extension Store {
    /// Writes a notification in the caller's transaction, so it exists if and only if the
    /// change that causes it committed; a key written before is left as it was (a prompt
    /// is owed once).
    static func owe(_ event: FollowUpEvent, key: String, alert: Int64?, to recipient: PromptRecipient, at time: Int64,
                    alerts: [Int64]? = nil, in db: Database) throws {
        try db.execute(sql: """
            INSERT OR IGNORE INTO notification (key, alertId, event, recipient, createdAt, alerts) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [key, alert, event.rawValue, recipient.description, time,
                             try alerts.map { try JSONEncoder().encode($0) }])
    }

    /// The prompt an alert change owes (alerts.md, "Who gets a prompt of its own"): its
    /// officer when an alert of medium severity or above opens or its drinking episode is
    /// confirmed; the centre when an alert with no subject opens.
    static func oweFor(alert id: Int64, _ event: FollowUpEvent, subject: String?, officer: String?, severity: String,
                       at time: Int64, in db: Database) throws {
        let recipient: PromptRecipient
        if subject == nil || officer == nil {
            recipient = .centre
        } else if event == .opened, (AlertSeverity(name: severity) ?? .low) < .medium {
            return
        } else {
            recipient = .officer(officer!)
        }
        try owe(event, key: "alert-\(id).\(event.rawValue).\(recipient)", alert: id, to: recipient, at: time, in: db)
    }

    /// Notifications not yet turned into deliveries, oldest first.
    public func owedNotifications(limit: Int = 500) throws(StoreError) -> [OwedNotification] {
        try read("read the outbox") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM notification WHERE state = 'new' ORDER BY id LIMIT ?", arguments: [limit]).map { row in
                guard let notification = OwedNotification(row) else {
                    throw StoreError(.corrupt, "notification \(row["id"] as Int64) names an unknown event or recipient",
                                     context: ["path": path, "key": row["key"]])
                }
                return notification
            }
        }
    }
}

extension OwedNotification {
    /// A `notification` row; nil when it names an event or recipient this version does
    /// not know.
    init?(_ row: Row) {
        guard let event = FollowUpEvent(rawValue: row["event"]), let recipient = PromptRecipient(row["recipient"]) else { return nil }
        self.init(id: row["id"], key: row["key"], alert: row["alertId"], event: event, recipient: recipient,
                  createdAt: row["createdAt"],
                  alerts: (row["alerts"] as Data?).flatMap { try? JSONDecoder().decode([Int64].self, from: $0) } ?? [])
    }
}
