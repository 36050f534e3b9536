import Foundation
import GRDB
import TagwatchRules

extension Store {
    /// The folder beside the database where streams are kept byte for byte, each named
    /// by its SHA-256: `store.sqlite` keeps them in `store.sqlite.evidence/` (the whole
    /// file name, so two stores in one folder never share one).
    public var evidenceFolder: String {
        URL(fileURLWithPath: path).path + ".evidence"
    }

    /// Records a stream once: a stream ingested again (same SHA-256) keeps its first
    /// record, so its quarantine is not listed twice.
    static func record(_ stream: StreamRecord, at time: Int64, in db: Database, encoder: JSONEncoder) throws {
        try db.execute(sql: """
            INSERT OR IGNORE INTO stream (sha256, name, byteCount, container, members, ingestedAt, counters)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [stream.sha256, stream.name, stream.byteCount, stream.container, stream.members, time,
                             try encoder.encode(stream.counters)])
        guard db.changesCount > 0 else { return }
        // Prepared once: a stream holds thousands of devices, and parsing the statement
        // for each row cost more than writing it.
        let device = try db.cachedStatement(sql: """
            INSERT INTO streamDevice (sha256, serial, firstSeq, lastSeq, firstTime, lastTime, readings,
                                      acceptedFirstSeq, acceptedLastSeq)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for held in stream.devices {
            try device.execute(arguments: [stream.sha256, held.serial, held.firstSeq, held.lastSeq,
                                           held.firstTime, held.lastTime, held.readings,
                                           held.accepted?.lowerBound, held.accepted?.upperBound])
        }
        let quarantined = try db.cachedStatement(sql: "INSERT INTO quarantine (sha256, member, offset, length, kind, detail) VALUES (?, ?, ?, ?, ?, ?)")
        for entry in stream.quarantine {
            try quarantined.execute(arguments: [stream.sha256, entry.member, entry.offset, entry.length, entry.kind, entry.detail])
        }
    }

    /// Links an alert to every kept stream that brought in readings of its device within
    /// the `seq` range behind it (this batch's streams are recorded first, in the same
    /// transaction), so its evidence is whole even when its readings came in earlier
    /// batches. A stream that only repeated readings already taken in is not linked: a
    /// resend changes no alert (alerts.md, "Alert").
    static func link(alert id: Int64, _ change: AlertChange, in db: Database) throws {
        try db.execute(sql: """
            INSERT OR IGNORE INTO alertStream (alertId, sha256)
            SELECT ?, sha256 FROM streamDevice WHERE serial = ? AND acceptedFirstSeq <= ? AND acceptedLastSeq >= ?
            """, arguments: [id, change.device.description, Int64(change.lastSeq), Int64(change.firstSeq)])
    }
}

extension Store {
    /// Links `sha256` to every alert resting on readings it brought in. With `batches`
    /// (a batch run again after a crash: its interrupted run's checkpoints and its own
    /// commits), also to the alerts those commits changed resting on readings it only
    /// holds: the rerun finds what the interrupted run took in already there, so its
    /// streams bring none of it in, yet those readings came from them; without this an
    /// alert would lose its stream to a crash, whether a checkpoint changed it or the
    /// rerun's end judged it.
    static func link(stream sha256: String, toAlertsChangedIn batches: ClosedRange<Int64>? = nil, in db: Database) throws {
        let (first, last) = batches == nil ? ("acceptedFirstSeq", "acceptedLastSeq") : ("firstSeq", "lastSeq")
        try db.execute(sql: """
            INSERT OR IGNORE INTO alertStream (alertId, sha256)
            SELECT alert.id, streamDevice.sha256 FROM streamDevice
            JOIN alert ON alert.device = streamDevice.serial
                AND streamDevice.\(first) <= alert.lastSeq AND streamDevice.\(last) >= alert.firstSeq
            WHERE streamDevice.sha256 = ?
            """ + (batches == nil ? "" : " AND alert.id IN (SELECT alertId FROM alertHistory WHERE batch BETWEEN ? AND ?)"),
            arguments: StatementArguments([sha256] + (batches.map { [$0.lowerBound, $0.upperBound] as [any DatabaseValueConvertible] } ?? [])))
    }

    /// The streams holding readings of `serial` between `from` and `to` (event time),
    /// oldest ingest first, each with the path of its kept copy.
    public func streams(holding serial: String, from: Int64, to: Int64) throws(StoreError) -> [(sha256: String, path: String)] {
        let folder = evidenceFolder
        return try read("find the streams of \(serial)") { db in
            try String.fetchAll(db, sql: """
                SELECT streamDevice.sha256 FROM streamDevice JOIN stream ON stream.sha256 = streamDevice.sha256
                WHERE serial = ? AND firstTime <= ? AND lastTime >= ? ORDER BY stream.ingestedAt, streamDevice.sha256
                """, arguments: [serial, to, from]).map { ($0, folder + "/" + $0) }
        }
    }
}
