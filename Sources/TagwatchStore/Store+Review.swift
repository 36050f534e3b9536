import Foundation
import GRDB

extension Store {
    /// The longest note kept; a longer one is refused, not cut.
    static let noteLimit = 10_000

    /// `person` acts on alert `id` at wall-clock `time`: the status moves as the action
    /// says, and a history entry and an audit entry are written, all in one transaction.
    @discardableResult
    public func review(alert id: Int64, by person: String, _ action: ReviewAction, at time: Int64) throws(StoreError) -> StoredAlert {
        let person = try PersonID.check(person)
        let note: String?
        switch action {
        case .acknowledge: note = nil
        case .note(let text), .resolve(_, let text): note = try PersonID.checkNote(text, limit: Self.noteLimit)
        }
        return try write("record the review of alert \(id)") { db in
            guard let status = try String.fetchOne(db, sql: "SELECT status FROM alert WHERE id = ?", arguments: [id]) else {
                throw StoreError(.notFound, "there is no alert \(id)", context: ["alert": String(id), "path": path],
                                 advice: "list the alerts with `tagwatch alerts` to find its id")
            }
            var changes: [String: [String?]] = [:]
            var details = ["alert": String(id)]
            switch action {
            case .acknowledge:
                guard status == "open" else {
                    throw StoreError(.refused, "alert \(id) is \(status), not open: only an open alert is acknowledged",
                                     context: ["alert": String(id), "status": status], advice: "add a note instead")
                }
                changes["status"] = [status, "acknowledged"]
            case .note:
                break
            case .resolve(let outcome, _):
                guard status != "resolved" else {
                    throw StoreError(.refused, "alert \(id) is already resolved", context: ["alert": String(id)],
                                     advice: "add a note to record what happened since")
                }
                changes["status"] = [status, "resolved"]
                changes["outcome"] = [nil, outcome.rawValue]
                details["outcome"] = outcome.rawValue
            }
            if let newStatus = changes["status"]?[1] {
                try db.execute(sql: "UPDATE alert SET status = ? WHERE id = ?", arguments: [newStatus, id])
                details["status"] = newStatus
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            try db.execute(sql: "INSERT INTO alertHistory (alertId, at, actor, action, changes, note) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [id, time, person, action.name, try encoder.encode(changes), note])
            if let note { details["note"] = note }
            try Self.audit(AuditRecord(at: time, actor: person, action: "alert.\(action.name)", target: "alert \(id)", details: details), in: db)
            return try Self.alerts(from: Row.fetchAll(db, sql: "SELECT * FROM alert WHERE id = ?", arguments: [id]), in: db, onlyThese: true)[0]
        }
    }
}
