import Foundation
import GRDB

extension Store {
    /// Owes each of `officers` the daily summary for `day` (`2026-11-23`): the alerts of
    /// their caseload not yet resolved, gathered in one message (alerts.md, "Daily
    /// summary"); none to an officer with no such alert, nor to one owed it already.
    /// Asked on every pass, so the common answer (all owed already) is one read.
    public func oweSummaries(officers: [String], day: String, at time: Int64) throws(StoreError) -> Int {
        let missing = try read("look up the daily summaries owed") { db in
            try officers.filter { officer in
                try !Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM notification WHERE key = ?)",
                                   arguments: [Self.summaryKey(officer: officer, day: day)])!
            }
        }
        guard !missing.isEmpty else { return 0 }
        return try write("queue the daily summaries") { db in
            var owed = 0
            for officer in missing {
                let alerts = try Int64.fetchAll(db, sql: """
                    SELECT id FROM alert WHERE officer = ? AND status != 'resolved' ORDER BY raisedAt, id
                    """, arguments: [officer])
                guard !alerts.isEmpty else { continue }
                try Self.owe(.summary, key: Self.summaryKey(officer: officer, day: day), alert: nil, to: .officer(officer),
                             at: time, alerts: alerts, in: db)
                owed += db.changesCount
            }
            return owed
        }
    }

    static func summaryKey(officer: String, day: String) -> String { "summary.\(officer).\(day)" }
}
