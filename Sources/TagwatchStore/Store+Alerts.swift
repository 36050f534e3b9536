import Foundation
import GRDB
import TagwatchRules
import TagwatchCaseload

extension Store {
    enum Recorded: Equatable {
        case opened
        /// Field name to `[from, to]`, as the history row has it.
        case updated([String: [String?]])
        case unchanged
    }

    /// Opens the episode's alert, or updates the one it already has; only the rules'
    /// fields change, never the status a person set.
    /// `batch` numbers the commit (``RuleState/batches`` after it) in the history row.
    static func record(_ change: AlertChange, raisedAt: Int64, batch: Int64, in db: Database, encoder: JSONEncoder) throws -> (Recorded, id: Int64) {
        let key = change.key.description
        let details = try encoder.encode(change.details)
        guard let row = try Row.fetchOne(db, sql: """
            SELECT id, severity, subject, orderId, officer, "end", openedAt, details, firstSeq, lastSeq
            FROM alert WHERE episodeKey = ?
            """, arguments: [key])
        else {
            try db.execute(sql: """
                INSERT INTO alert (episodeKey, type, severity, subject, orderId, device, officer, start, "end",
                                   openedAt, raisedAt, details, firstSeq, lastSeq)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [key, change.type.rawValue, change.severity.name, change.subject, change.order,
                                 change.device.description, change.officer, change.start, change.end,
                                 change.openedAt, raisedAt, details, change.firstSeq, change.lastSeq])
            // Taken at once: the history row inserted next has an id of its own.
            let id = db.lastInsertedRowID
            try history(alert: id, at: raisedAt, action: "opened",
                        changes: change.end.map { ["severity": [nil, change.severity.name], "end": [nil, Instant.rfc3339($0)]] }
                            ?? ["severity": [nil, change.severity.name]],
                        batch: batch, in: db, encoder: encoder)
            return (.opened, id)
        }
        var changes: [String: [String?]] = [:]
        func compare(_ field: String, _ old: String?, _ new: String?) {
            if old != new { changes[field] = [old, new] }
        }
        compare("severity", row["severity"], change.severity.name)
        compare("subject", row["subject"], change.subject)
        compare("order", row["orderId"], change.order)
        compare("officer", row["officer"], change.officer)
        compare("end", (row["end"] as Int64?).map(Instant.rfc3339), change.end.map(Instant.rfc3339))
        compare("openedAt", Instant.rfc3339(row["openedAt"]), Instant.rfc3339(change.openedAt))
        compare("lastSeq", String(row["lastSeq"] as Int64), String(change.lastSeq))
        compare("firstSeq", String(row["firstSeq"] as Int64), String(change.firstSeq))
        let oldDetails = (try? JSONDecoder().decode([String: AlertDetail].self, from: row["details"] as Data)) ?? [:]
        for name in Set(oldDetails.keys).union(change.details.keys) where oldDetails[name] != change.details[name] {
            compare("details.\(name)", oldDetails[name]?.text, change.details[name]?.text)
        }
        let id: Int64 = row["id"]
        guard !changes.isEmpty else { return (.unchanged, id) }
        try db.execute(sql: """
            UPDATE alert SET severity = ?, subject = ?, orderId = ?, officer = ?, "end" = ?, openedAt = ?,
                             details = ?, firstSeq = ?, lastSeq = ?
            WHERE id = ?
            """, arguments: [change.severity.name, change.subject, change.order, change.officer, change.end,
                             change.openedAt, details, change.firstSeq, change.lastSeq, id])
        try history(alert: id, at: raisedAt, action: "updated", changes: changes, batch: batch, in: db, encoder: encoder)
        return (.updated(changes), id)
    }

    private static func history(alert: Int64, at time: Int64, action: String, changes: [String: [String?]], batch: Int64,
                                in db: Database, encoder: JSONEncoder) throws {
        try db.execute(sql: "INSERT INTO alertHistory (alertId, at, actor, action, changes, batch) VALUES (?, ?, 'rules', ?, ?, ?)",
                       arguments: [alert, time, action, try encoder.encode(changes), batch])
    }
}
