import Foundation
import GRDB

/// One channel's copy of a notification, rendered once so every retry sends the same
/// bytes under the same idempotency key (alerts.md, "Channels").
public struct QueuedDelivery: Sendable, Equatable {
    public var id: Int64
    public var notification: Int64
    /// The idempotency key: the notification's key and the channel.
    public var key: String
    /// `webhook` or `email`.
    public var channel: String
    /// The URL or the email address.
    public var address: String
    /// Whom it reaches (an officer's or the centre's name).
    public var name: String
    public var body: Data
    public var mailSubject: String
    public var mailText: String
    /// Failed attempts so far.
    public var attempts: Int
    /// Its notification's event (`opened`, `summary`, …).
    public var event: String
    /// When its notification was owed (an email is dated by it, so a repeat is the same
    /// message).
    public var createdAt: Int64

    public init(id: Int64 = 0, notification: Int64 = 0, key: String, channel: String, address: String, name: String, body: Data,
                mailSubject: String, mailText: String, attempts: Int = 0, event: String = "", createdAt: Int64 = 0) {
        self.id = id
        self.notification = notification
        self.key = key
        self.channel = channel
        self.address = address
        self.name = name
        self.body = body
        self.mailSubject = mailSubject
        self.mailText = mailText
        self.attempts = attempts
        self.event = event
        self.createdAt = createdAt
    }
}

extension Store {
    /// Turns a notification into its deliveries, one per channel its recipient has, due
    /// at once. A notification with none is dead at once, and the centre is told why:
    /// `reason`, by default that the caseload gives its recipient no address. Returns the
    /// deliveries queued: none when the notification was no longer new (another worker
    /// on the store queued it first).
    @discardableResult
    public func expand(_ notification: OwedNotification, into deliveries: [QueuedDelivery], at time: Int64,
                       because reason: String? = nil) throws(StoreError) -> Int {
        try write("queue the deliveries of \(notification.key)") { db in
            guard try String.fetchOne(db, sql: "SELECT state FROM notification WHERE id = ?", arguments: [notification.id]) == "new" else { return 0 }
            let insert = try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO delivery (notificationId, key, channel, address, name, body, mailSubject, mailText, dueAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for delivery in deliveries {
                try insert.execute(arguments: [notification.id, delivery.key, delivery.channel, delivery.address, delivery.name, delivery.body,
                                               delivery.mailSubject, delivery.mailText, time])
            }
            try db.execute(sql: "UPDATE notification SET state = ? WHERE id = ?",
                           arguments: [deliveries.isEmpty ? "undeliverable" : "queued", notification.id])
            if deliveries.isEmpty {
                try Self.deadLetter(notification, key: notification.key, channel: nil,
                                    reason: reason ?? "the caseload gives \(notification.recipient) no webhook and no email address",
                                    attempts: 0, at: time, in: db)
            }
            return deliveries.count
        }
    }

    /// Takes up to `limit` deliveries that are due and not held by another worker, holding
    /// them until `leaseUntil`: several workers on one store never send one twice while
    /// its holder lives, and a worker killed mid-delivery lets it go when the lease ends.
    public func claimDeliveries(owner: String, now: Int64, leaseUntil: Int64, limit: Int) throws(StoreError) -> [QueuedDelivery] {
        try write("claim deliveries") { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT delivery.*, notification.event, notification.createdAt FROM delivery JOIN notification ON notification.id = delivery.notificationId
                WHERE status = 'pending' AND dueAt <= ? AND (leaseUntil IS NULL OR leaseUntil <= ?)
                ORDER BY dueAt, delivery.id LIMIT ?
                """, arguments: [now, now, limit])
            let claim = try db.cachedStatement(sql: "UPDATE delivery SET leaseOwner = ?, leaseUntil = ? WHERE id = ?")
            return try rows.map { row in
                try claim.execute(arguments: [owner, leaseUntil, row["id"] as Int64])
                return QueuedDelivery(id: row["id"], notification: row["notificationId"], key: row["key"], channel: row["channel"],
                                address: row["address"], name: row["name"], body: row["body"], mailSubject: row["mailSubject"],
                                mailText: row["mailText"], attempts: row["attempts"], event: row["event"], createdAt: row["createdAt"])
            }
        }
    }

    /// The receiver took it. Kept even if the lease had run out meanwhile: a delivery is
    /// made at least once, and its key lets the receiver drop a repeat.
    public func recordDelivered(_ delivery: Int64, at time: Int64) throws(StoreError) {
        try write("record delivery \(delivery)") { db in
            try db.execute(sql: """
                UPDATE delivery SET status = 'delivered', deliveredAt = ?, leaseOwner = NULL, leaseUntil = NULL, lastError = NULL
                WHERE id = ? AND status = 'pending'
                """, arguments: [time, delivery])
        }
    }
}
