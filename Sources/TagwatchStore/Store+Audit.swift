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
    static func audit(_ record: AuditRecord, in db: Database) throws {
        let last = try Row.fetchOne(db, sql: "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var entry = AuditEntry(
            id: (last?["id"] as Int64? ?? 0) + 1, at: record.at, actor: record.actor, action: record.action,
            target: record.target, details: String(decoding: try encoder.encode(record.details), as: UTF8.self),
            previousHash: last?["hash"] ?? AuditEntry.genesis, hash: "")
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
    /// must be the one the store recorded as last.
    public func verifyAudit() throws(StoreError) -> AuditVerification {
        let entries = try auditEntries()
        let head: String? = try read("read the audit log's last entry") { db in
            try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [Self.auditHeadKey])
        }
        var problems: [AuditProblem] = []
        var previous: AuditEntry?
        for entry in entries {
            let expected = (previous?.id ?? 0) + 1
            if entry.id != expected {
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
        if let head {
            let parts = head.split(separator: " ")
            let recordedLast = parts.first.flatMap { Int64($0) } ?? 0
            let recordedHash = parts.count > 1 ? String(parts[1]) : ""
            if let last = entries.last, recordedLast > last.id {
                problems.append(AuditProblem(entry: last.id, kind: .truncatedAfter(recordedLast: recordedLast)))
            } else if let last = entries.last, recordedLast == last.id, recordedHash != last.hash,
                      !problems.contains(AuditProblem(entry: last.id, kind: .changed)) {
                // Rewritten with a fresh hash: only the recorded head shows it.
                problems.append(AuditProblem(entry: last.id, kind: .changed))
            } else if entries.isEmpty, recordedLast > 0 {
                problems.append(AuditProblem(entry: 0, kind: .truncatedAfter(recordedLast: recordedLast)))
            }
        }
        return problems.isEmpty ? .intact(entries: entries.count, head: entries.last?.hash ?? AuditEntry.genesis) : .broken(problems)
    }
}
