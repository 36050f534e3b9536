import Foundation
import GRDB

/// What to write to the audit log; the store numbers and chains it.
public struct AuditRecord: Sendable {
    public var at: Int64
    public var actor: String
    public var action: String
    public var target: String
    public var details: [String: String]

    public init(at: Int64, actor: String, action: String, target: String, details: [String: String] = [:]) {
        self.at = at
        self.actor = actor
        self.action = action
        self.target = target
        self.details = details
    }
}

extension Store {
    /// The last entry's id and hash, kept apart from the log so that deleting the last
    /// entries is found too (by whoever cannot also rewrite this row).
    static let auditHeadKey = "auditHead"

    /// Appends `record` to the audit log inside the caller's transaction, so an action
    /// and its audit entry commit together.
    ///
    /// The entry chains from the recorded head, not from the last row found, so entries
    /// deleted at the end stay missing for `verify` instead of being healed over.
    static func audit(_ record: AuditRecord, in db: Database) throws {
        let head = AuditHead(try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [auditHeadKey]))
            ?? AuditHead(id: 0, hash: AuditEntry.genesis)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var entry = AuditEntry(
            id: head.id + 1, at: record.at, actor: record.actor, action: record.action,
            target: record.target, details: String(decoding: try encoder.encode(record.details), as: UTF8.self),
            previousHash: head.hash, hash: "")
        entry.hash = entry.computedHash
        try db.execute(sql: """
            INSERT INTO audit (id, at, actor, action, target, details, previousHash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [entry.id, entry.at, entry.actor, entry.action, entry.target, entry.details, entry.previousHash, entry.hash])
        try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
                       arguments: [auditHeadKey, "\(entry.id) \(entry.hash)"])
    }

    /// The audit log, oldest first.
    public func auditEntries() throws(StoreError) -> [AuditEntry] {
        try read("read the audit log") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit ORDER BY id").map { row in
                AuditEntry(id: row["id"], at: row["at"], actor: row["actor"], action: row["action"], target: row["target"],
                           details: row["details"], previousHash: row["previousHash"], hash: row["hash"])
            }
        }
    }

    /// Walks the audit chain from the first entry: each entry's hash must match its
    /// content, its link the entry before it, the ids must follow on, and the last entry
    /// must be the one the store recorded as last. Then each alert's status must be the
    /// one people's actions in the log gave it.
    public func verifyAudit() throws(StoreError) -> AuditVerification {
        let entries = try auditEntries()
        let (headText, statuses): (String?, [(id: Int64, status: String)]) = try read("read the audit log's last entry") { db in
            (try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [Self.auditHeadKey]),
             try Row.fetchAll(db, sql: "SELECT id, status FROM alert ORDER BY id").map { ($0["id"], $0["status"]) })
        }
        var problems: [AuditProblem] = []
        var previous: AuditEntry?
        for entry in entries {
            let expected = (previous?.id ?? 0) + 1
            if let previous, entry.id <= previous.id {
                problems.append(AuditProblem(entry: entry.id, kind: .outOfOrder(after: previous.id)))
            } else if entry.id != expected {
                problems.append(AuditProblem(entry: entry.id, kind: .missingBefore(expected: expected)))
            }
            if entry.hash != entry.computedHash {
                problems.append(AuditProblem(entry: entry.id, kind: .changed))
            }
            if entry.previousHash != (previous?.hash ?? AuditEntry.genesis), entry.id == expected {
                problems.append(AuditProblem(entry: entry.id, kind: .unlinked))
            }
            previous = entry
        }
        let last = entries.last
        if let head = AuditHead(headText) {
            if head.id > (last?.id ?? 0) {
                problems.append(AuditProblem(entry: last?.id ?? 0, kind: .truncatedAfter(recordedLast: head.id)))
            } else if let last, head.id < last.id {
                problems.append(AuditProblem(entry: last.id, kind: .appendedAfter(recordedLast: head.id)))
            } else if let last, head.hash != last.hash, !problems.contains(AuditProblem(entry: last.id, kind: .changed)) {
                // Rewritten with a fresh hash: only the recorded head shows it.
                problems.append(AuditProblem(entry: last.id, kind: .changed))
            }
        } else {
            problems.append(AuditProblem(entry: last?.id ?? 0, kind: .headMissing))
        }
        problems += Self.statusProblems(entries, statuses)
        return problems.isEmpty ? .intact(entries: entries.count, head: last?.hash ?? AuditEntry.genesis) : .broken(problems)
    }

    /// Alerts whose status is not what the log's actions on them made it.
    static func statusProblems(_ entries: [AuditEntry], _ statuses: [(id: Int64, status: String)]) -> [AuditProblem] {
        var logged: [Int64: (status: String, entry: Int64)] = [:]
        for entry in entries where entry.target.hasPrefix("alert ") {
            guard let id = Int64(entry.target.dropFirst("alert ".count)) else { continue }
            switch entry.action {
            case "alert.acknowledged": logged[id] = ("acknowledged", entry.id)
            case "alert.resolved": logged[id] = ("resolved", entry.id)
            default: break
            }
        }
        return statuses.compactMap { alert in
            let expected = logged[alert.id]?.status ?? "open"
            guard alert.status != expected else { return nil }
            return AuditProblem(entry: logged[alert.id]?.entry ?? 0, kind: .statusNotLogged(alert: alert.id, status: alert.status, logged: expected))
        }
    }
}

/// The store's record of the audit log's last entry: `"<id> <hash>"`.
struct AuditHead {
    var id: Int64
    var hash: String

    init(id: Int64, hash: String) {
        self.id = id
        self.hash = hash
    }

    init?(_ text: String?) {
        let parts = text?.split(separator: " ") ?? []
        guard parts.count == 2, let id = Int64(parts[0]), id >= 0, parts[1].count == 64 else { return nil }
        self.init(id: id, hash: String(parts[1]))
    }
}
