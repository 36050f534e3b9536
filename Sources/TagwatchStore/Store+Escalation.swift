import Foundation
import GRDB

extension Store {
    /// When the store began to keep an outbox (schema v6): the worker follows up alerts
    /// raised from then on.
    static let followUpSinceKey = "followUpSince"

    /// Marks `escalated` every open alert not acknowledged within its severity's deadline
    /// after `raisedAt` (alerts.md, "Escalation"; a severity with no deadline never
    /// escalates, nor does a `system.delivery_failed` alert: it is already the centre's,
    /// and escalating it when the centre cannot be reached would raise another; nor does
    /// one raised before the store had a worker, so upgrading floods no one), with a history row, an audit entry and a prompt to the centre each,
    /// all in one transaction. Returns the alerts escalated.
    public func escalate(deadlines: [String: Int64], now: Int64) throws(StoreError) -> [Int64] {
        try write("escalate unacknowledged alerts") { db in
            var escalated: [Int64] = []
            for (severity, deadline) in deadlines.sorted(by: { $0.key < $1.key }) {
                escalated += try Int64.fetchAll(db, sql: """
                    SELECT id FROM alert WHERE status = 'open' AND escalated = 0 AND severity = ? AND raisedAt + ? <= ?
                        AND type != 'system.delivery_failed'
                        AND raisedAt >= COALESCE((SELECT value FROM setting WHERE key = ?), 0)
                    """, arguments: [severity, deadline, now, Self.followUpSinceKey])
            }
            let changes = try JSONEncoder().encode(["escalated": ["false", "true"]] as [String: [String?]])
            for id in escalated.sorted() {
                try db.execute(sql: "UPDATE alert SET escalated = 1 WHERE id = ?", arguments: [id])
                try db.execute(sql: "INSERT INTO alertHistory (alertId, at, actor, action, changes) VALUES (?, ?, 'worker', 'escalated', ?)",
                               arguments: [id, now, changes])
                try Self.audit(AuditRecord(at: now, actor: "worker", action: "alert.escalate", target: "alert \(id)"), in: db)
                try Self.owe(.escalated, key: "alert-\(id).escalated.centre", alert: id, to: .centre, at: now, in: db)
            }
            return escalated.sorted()
        }
    }
}
