import Foundation
import GRDB

extension Store {
    /// Owes `officer` the daily summary for `day` (`2026-11-23`): the alerts of their
    /// caseload not yet resolved, gathered in one message (alerts.md, "Daily summary").
    /// Nothing when they have none, or when that day's summary is owed already.
    @discardableResult
    public func oweSummary(officer: String, day: String, at time: Int64) throws(StoreError) -> Bool {
        try write("queue the daily summary of \(officer)") { db in
            let alerts = try Int64.fetchAll(db, sql: """
                SELECT id FROM alert WHERE officer = ? AND status != 'resolved' ORDER BY raisedAt, id
                """, arguments: [officer])
            guard !alerts.isEmpty else { return false }
            try Self.owe(.summary, key: "summary.\(officer).\(day)", alert: nil, to: .officer(officer), at: time, alerts: alerts, in: db)
            return db.changesCount > 0
        }
    }
}
