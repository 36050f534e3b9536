import Foundation
import GRDB
import TagwatchRules

extension Store {
    /// Alerts matching `filter`, newest first, each with its evidence and history.
    public func alerts(_ filter: AlertFilter = AlertFilter()) throws(StoreError) -> [StoredAlert] {
        try read("list the alerts") { db in
            let (condition, arguments) = filter.condition
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM alert \(condition) ORDER BY raisedAt DESC, start DESC, id DESC",
                                        arguments: StatementArguments(arguments))
            return try Self.alerts(from: rows, in: db, onlyThese: filter != AlertFilter())
        }
    }

    /// The alert with `id`, or nil.
    public func alert(id: Int64) throws(StoreError) -> StoredAlert? {
        try read("read alert \(id)") { db in
            try Self.alerts(from: Row.fetchAll(db, sql: "SELECT * FROM alert WHERE id = ?", arguments: [id]), in: db, onlyThese: true).first
        }
    }

    /// Builds alerts from their rows with their history and evidence streams; looks those
    /// up per alert when `onlyThese` (a few), else reads them whole (a full listing).
    static func alerts(from rows: [Row], in db: Database, onlyThese: Bool) throws -> [StoredAlert] {
        let ids = rows.map { $0["id"] as Int64 }
        let scope = onlyThese ? "WHERE alertId IN (\(ids.map(String.init).joined(separator: ",")))" : ""
        guard !ids.isEmpty else { return [] }
        var history: [Int64: [StoredAlert.Entry]] = [:]
        let decoder = JSONDecoder()
        for row in try Row.fetchAll(db, sql: "SELECT alertId, at, actor, action, changes, note FROM alertHistory \(scope) ORDER BY id") {
            let changes = (try? decoder.decode([String: [String?]].self, from: row["changes"] as Data)) ?? [:]
            history[row["alertId"], default: []].append(StoredAlert.Entry(
                at: row["at"], actor: row["actor"], action: row["action"], changes: changes, note: row["note"]))
        }
        var streams: [Int64: [String]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT alertStream.alertId, alertStream.sha256 FROM alertStream
            LEFT JOIN stream ON stream.sha256 = alertStream.sha256 \(scope.replacingOccurrences(of: "alertId", with: "alertStream.alertId"))
            ORDER BY stream.ingestedAt IS NULL, stream.ingestedAt, alertStream.sha256
            """) {
            streams[row["alertId"], default: []].append(row["sha256"])
        }
        return rows.map { row in
            let id: Int64 = row["id"]
            return StoredAlert(
                id: id, type: row["type"], severity: row["severity"], status: row["status"], escalated: row["escalated"],
                subject: row["subject"], order: row["orderId"], device: (row["device"] as String).isEmpty ? nil : row["device"],
                officer: row["officer"],
                start: row["start"], end: row["end"], openedAt: row["openedAt"], raisedAt: row["raisedAt"],
                details: (try? decoder.decode([String: AlertDetail].self, from: row["details"] as Data)) ?? [:],
                firstSeq: row["firstSeq"], lastSeq: row["lastSeq"], streams: streams[id] ?? [], history: history[id] ?? [])
        }
    }
}
