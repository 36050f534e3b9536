import Crypto
import Foundation
import GRDB
import TagwatchCaseload

/// How a caseload load changed what the store keeps.
public struct CaseloadChanges: Sendable, Equatable {
    public var added = 0
    public var changed = 0
    public var unchanged = 0
}

/// A caseload document applied: what it changed and the whole caseload now kept.
public struct CaseloadLoad: Sendable {
    public var changes: CaseloadChanges
    public var caseload: Caseload
}

extension Store {
    static let caseloadKey = "caseloadDocument"
    /// The merged document as checked when it was loaded, in the compact form: every
    /// batch needs the caseload, and reading the document again (JSON, every check) was
    /// the largest part of a batch's fixed cost.
    static let caseloadSnapshotKey = "caseloadSnapshot"

    /// Loads a caseload document (caseload.md): checks it whole merged with what is kept
    /// (entries it does not name stay, so a document may add one absence), and only if
    /// all is valid keeps its entries, replacing those with the same kind and id, and the
    /// merged document ingest reads. One transaction, so two loads never miss each other.
    /// Audited (caseload.md): who loaded it, when, the document's SHA-256 and each entry
    /// added or changed.
    public func load(caseloadDocument document: Data, by actor: String, at time: Int64) throws(StoreError) -> Result<CaseloadLoad, CaseloadFailure> {
        let actor = try PersonID.check(actor)
        return try write("load the caseload") { db in
            let kept = try Row.fetchAll(db, sql: "SELECT kind, id, json FROM caseloadEntity ORDER BY kind, id").compactMap { row in
                CaseloadEntity.Kind(rawValue: row["kind"]).map { CaseloadEntity(kind: $0, id: row["id"], json: row["json"]) }
            }
            let merged = CaseloadMerge.document(document, over: kept)
            let caseload: Caseload
            switch CaseloadReader.read(merged) {
            case .failure(let failure): return .failure(failure)
            case .success(let read): caseload = read
            }
            try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", arguments: [Self.caseloadKey, merged])
            try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
                           arguments: [Self.caseloadSnapshotKey, Data(try CompactEncoder.encode(caseload))])
            var changes = CaseloadChanges()
            var changed: [String] = []
            for entity in CaseloadMerge.entities(of: document) ?? [] {
                let before = try Data.fetchOne(db, sql: "SELECT json FROM caseloadEntity WHERE kind = ? AND id = ?",
                                               arguments: [entity.kind.rawValue, entity.id])
                switch before {
                case entity.json: changes.unchanged += 1
                case nil:
                    changes.added += 1
                    changed.append("added \(entity.kind.rawValue) \(entity.id)")
                default:
                    changes.changed += 1
                    changed.append("changed \(entity.kind.rawValue) \(entity.id)")
                }
                try db.execute(sql: "INSERT OR REPLACE INTO caseloadEntity (kind, id, json) VALUES (?, ?, ?)",
                               arguments: [entity.kind.rawValue, entity.id, entity.json])
            }
            try Self.audit(AuditRecord(at: time, actor: actor, action: "caseload.load", target: "caseload", details: [
                "sha256": SHA256.hex(document),
                "added": String(changes.added), "changed": String(changes.changed), "unchanged": String(changes.unchanged),
                "entries": changed.joined(separator: "\n"),
            ]), in: db)
            return .success(CaseloadLoad(changes: changes, caseload: caseload))
        }
    }

    /// The caseload kept: its checked snapshot, or (for a store loaded before snapshots)
    /// the document read back whole through ``CaseloadReader``; empty before the first
    /// load.
    public func caseload() throws(StoreError) -> Caseload {
        let (kept, snapshot) = try read("read the caseload") { db in
            (try Data.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [Self.caseloadKey]),
             try Data.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [Self.caseloadSnapshotKey]))
        }
        if let snapshot, let caseload = try? CompactDecoder.decode(Caseload.self, from: [UInt8](snapshot)) { return caseload }
        guard let document = kept else { return Caseload(officers: [], subjects: [], orders: [], devices: []) }
        switch CaseloadReader.read(document) {
        case .success(let caseload):
            return caseload
        case .failure(let failure):
            throw StoreError(.corrupt, "the caseload kept in \(path) no longer reads: \(failure)",
                             context: ["path": path], advice: "load a complete caseload document again")
        }
    }
}
