import Foundation
import GRDB
import TagwatchRules

/// A transition point of an order (rules.md, "Transition points"), as the worker raises it.
public struct TransitionAlert: Sendable, Equatable {
    /// `transition.order_ending` or `transition.order_ended`.
    public var type: String
    /// One per order and point (`O-0001:14d`), so catching up raises each once.
    public var point: String
    public var subject: String
    public var order: String
    public var officer: String
    /// When the point fell due (event time), the alert's start.
    public var due: Int64
    /// The compliance summary's figures.
    public var details: [String: AlertDetail]

    public init(type: String, point: String, subject: String, order: String, officer: String, due: Int64, details: [String: AlertDetail]) {
        self.type = type
        self.point = point
        self.subject = subject
        self.order = order
        self.officer = officer
        self.due = due
        self.details = details
    }
}

extension Store {
    /// Raises a transition point's alert with its prompt to the officer, in one
    /// transaction; false when it was raised before (a worker catching up, or another
    /// worker on the same store).
    public func raise(_ transition: TransitionAlert, at time: Int64) throws(StoreError) -> Bool {
        try write("raise \(transition.type) for \(transition.order)") { db in
            guard let id = try Self.raiseWorkerAlert(
                key: "\(transition.type):\(transition.point)", type: transition.type, severity: "low",
                subject: transition.subject, order: transition.order, officer: transition.officer,
                start: transition.due, details: transition.details, at: time, in: db)
            else { return false }
            try Self.owe(.transition, key: "alert-\(id).transition.officer:\(transition.officer)", alert: id,
                         to: .officer(transition.officer), at: time, in: db)
            return true
        }
    }

    /// Inserts an alert the worker raises (it has no device and no readings behind it)
    /// with its history row; nil when `key` was raised before.
    static func raiseWorkerAlert(key: String, type: String, severity: String, subject: String?, order: String?, officer: String?,
                                 start: Int64, details: [String: AlertDetail], at time: Int64, in db: Database) throws -> Int64? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try db.execute(sql: """
            INSERT OR IGNORE INTO alert (episodeKey, type, severity, subject, orderId, device, officer, start, "end",
                                         openedAt, raisedAt, details, firstSeq, lastSeq)
            VALUES (?, ?, ?, ?, ?, '', ?, ?, NULL, ?, ?, ?, 0, 0)
            """, arguments: [key, type, severity, subject, order, officer, start, start, time, try encoder.encode(details)])
        guard db.changesCount > 0 else { return nil }
        let id = db.lastInsertedRowID
        try db.execute(sql: "INSERT INTO alertHistory (alertId, at, actor, action, changes) VALUES (?, ?, 'worker', 'opened', ?)",
                       arguments: [id, time, try encoder.encode(["severity": [nil, severity]] as [String: [String?]])])
        return id
    }
}

extension Store {
    /// The transition points already raised (their `point` keys), so the worker computes a
    /// compliance summary only for those it has yet to raise.
    public func raisedTransitionPoints() throws(StoreError) -> Set<String> {
        try read("read the transitions raised") { db in
            Set(try String.fetchAll(db, sql: """
                SELECT episodeKey FROM alert WHERE type IN ('transition.order_ending', 'transition.order_ended')
                """).compactMap { key in
                key.firstIndex(of: ":").map { String(key[key.index(after: $0)...]) }
            })
        }
    }
}
