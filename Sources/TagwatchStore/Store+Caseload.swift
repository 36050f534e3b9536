import Foundation
import GRDB
import TagwatchCaseload

/// How a caseload load changed what the store keeps.
public struct CaseloadChanges: Sendable, Equatable {
    public var added = 0
    public var changed = 0
    public var unchanged = 0
}

extension Store {
    /// The caseload entries kept, by kind and id.
    public func caseloadEntities() throws(StoreError) -> [CaseloadEntity] {
        try read("read the caseload") { db in
            try Row.fetchAll(db, sql: "SELECT kind, id, json FROM caseloadEntity ORDER BY kind, id").compactMap { row in
                guard let kind = CaseloadEntity.Kind(rawValue: row["kind"]) else { return nil }
                return CaseloadEntity(kind: kind, id: row["id"], json: row["json"])
            }
        }
    }

    static let caseloadKey = "caseloadDocument"

    /// Keeps `entities`, replacing those with the same kind and id (caseload.md: upsert by
    /// `id`), and `document`, the whole caseload they make with what was kept, which the
    /// caller has checked whole (``CaseloadMerge``); ingest reads that one document.
    public func apply(_ entities: [CaseloadEntity], document: Data) throws(StoreError) -> CaseloadChanges {
        try write("apply the caseload") { db in
            try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", arguments: [Self.caseloadKey, document])
            var changes = CaseloadChanges()
            for entity in entities {
                let kept = try Data.fetchOne(db, sql: "SELECT json FROM caseloadEntity WHERE kind = ? AND id = ?",
                                             arguments: [entity.kind.rawValue, entity.id])
                switch kept {
                case entity.json: changes.unchanged += 1
                case nil: changes.added += 1
                default: changes.changed += 1
                }
                try db.execute(sql: "INSERT OR REPLACE INTO caseloadEntity (kind, id, json) VALUES (?, ?, ?)",
                               arguments: [entity.kind.rawValue, entity.id, entity.json])
            }
            return changes
        }
    }

    /// The caseload kept, read back whole through ``CaseloadReader``; empty before the
    /// first load.
    public func caseload() throws(StoreError) -> Caseload {
        let kept = try read("read the caseload") { db in
            try Data.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [Self.caseloadKey])
        }
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
