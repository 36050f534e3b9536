import Foundation
import GRDB
import TagwatchRules

extension Store {
    /// Alerts with `status` (or all), newest first, each with its history.
    public func alerts(status: StatusFilter = .all) throws(StoreError) -> [StoredAlert] {
        try read("list the alerts") { db in
            let filter = status == .all ? "" : "WHERE status = ?"
            let arguments: StatementArguments = status == .all ? [] : [status.rawValue]
            var history: [Int64: [StoredAlert.Entry]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT alertId, at, actor, action, changes, note FROM alertHistory ORDER BY id") {
                let changes = (try? JSONDecoder().decode([String: [String?]].self, from: row["changes"] as Data)) ?? [:]
                history[row["alertId"], default: []].append(StoredAlert.Entry(
                    at: row["at"], actor: row["actor"], action: row["action"], changes: changes, note: row["note"]))
            }
            return try Row.fetchAll(db, sql: """
                SELECT * FROM alert \(filter) ORDER BY raisedAt DESC, start DESC, id DESC
                """, arguments: arguments).map { row in
                let id: Int64 = row["id"]
                return StoredAlert(
                    id: id, type: row["type"], severity: row["severity"], status: row["status"], escalated: row["escalated"],
                    subject: row["subject"], order: row["orderId"], device: row["device"], officer: row["officer"],
                    start: row["start"], end: row["end"], openedAt: row["openedAt"], raisedAt: row["raisedAt"],
                    details: (try? JSONDecoder().decode([String: AlertDetail].self, from: row["details"] as Data)) ?? [:],
                    firstSeq: row["firstSeq"], lastSeq: row["lastSeq"], history: history[id] ?? [])
            }
        }
    }
}
