import Foundation
import GRDB
import TagwatchCaseload

/// What a purge removed and kept.
public struct PurgeOutcome: Sendable, Equatable {
    /// SHA-256 of each stream removed.
    public var removed: [String] = []
    public var bytesRemoved = 0
    /// Streams past the limit kept because an alert not yet resolved rests on them.
    public var keptForAlerts = 0
    /// Files of the evidence folder that no stream row names (a crash between keeping
    /// and committing, or a purge cut short), past the limit, removed.
    public var strayFiles = 0
}

extension Store {
    /// Retention (alerts.md, "Evidence"): removes the streams ingested before `cutoff`
    /// (their kept bytes, the devices they held and their quarantine) except those behind
    /// an alert that is not resolved; audited. The rows go in one transaction first, then
    /// the files, so a crash between leaves only files no row names, which the next purge
    /// removes.
    public func purge(before cutoff: Int64, by actor: String, at time: Int64) throws(StoreError) -> PurgeOutcome {
        let actor = try PersonID.check(actor)
        var outcome = try write("purge old evidence") { db in
            var outcome = PurgeOutcome()
            outcome.keptForAlerts = try Int.fetchOne(db, sql: """
                SELECT count(DISTINCT stream.sha256) FROM stream
                JOIN alertStream ON alertStream.sha256 = stream.sha256 JOIN alert ON alert.id = alertStream.alertId
                WHERE stream.ingestedAt < ? AND alert.status != 'resolved'
                """, arguments: [cutoff]) ?? 0
            let rows = try Row.fetchAll(db, sql: """
                SELECT sha256, byteCount FROM stream WHERE ingestedAt < ? AND sha256 NOT IN (
                    SELECT alertStream.sha256 FROM alertStream JOIN alert ON alert.id = alertStream.alertId
                    WHERE alert.status != 'resolved')
                ORDER BY ingestedAt, sha256
                """, arguments: [cutoff])
            for row in rows {
                let sha: String = row["sha256"]
                outcome.removed.append(sha)
                outcome.bytesRemoved += row["byteCount"] as Int
                try db.execute(sql: "DELETE FROM stream WHERE sha256 = ?", arguments: [sha])
            }
            try Self.audit(AuditRecord(at: time, actor: actor, action: "purge", target: "evidence", details: [
                "before": Instant.rfc3339(cutoff), "streamsRemoved": String(outcome.removed.count),
                "bytesRemoved": String(outcome.bytesRemoved), "keptForAlerts": String(outcome.keptForAlerts),
                "streams": outcome.removed.joined(separator: "\n"),
            ]), in: db)
            return outcome
        }
        let folder = evidenceFolder
        let files = FileManager.default
        for sha in outcome.removed { try? files.removeItem(atPath: folder + "/" + sha) }
        let named = Set(try read("list the kept streams") { db in try String.fetchAll(db, sql: "SELECT sha256 FROM stream") })
        for name in (try? files.contentsOfDirectory(atPath: folder)) ?? [] where !named.contains(name) {
            let path = folder + "/" + name
            guard let modified = (try? files.attributesOfItem(atPath: path))?[.modificationDate] as? Date,
                  Int64(modified.timeIntervalSince1970 * 1000) < cutoff else { continue }
            if (try? files.removeItem(atPath: path)) != nil { outcome.strayFiles += 1 }
        }
        return outcome
    }
}
