import Foundation
import GRDB
import TagwatchRules

extension Store {
    /// The folder beside the database where streams are kept byte for byte, each named
    /// by its SHA-256: `store.sqlite` keeps them in `store.evidence/`.
    public var evidenceFolder: String {
        let url = URL(fileURLWithPath: path)
        let base = url.pathExtension.isEmpty ? url : url.deletingPathExtension()
        return base.path + ".evidence"
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
        for device in stream.devices {
            try db.execute(sql: """
                INSERT INTO streamDevice (sha256, serial, firstSeq, lastSeq, firstTime, lastTime, readings)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [stream.sha256, device.serial, device.firstSeq, device.lastSeq,
                                 device.firstTime, device.lastTime, device.readings])
        }
        for entry in stream.quarantine {
            try db.execute(sql: "INSERT INTO quarantine (sha256, member, offset, length, kind, detail) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [stream.sha256, entry.member, entry.offset, entry.length, entry.kind, entry.detail])
        }
    }

    /// Links an alert to the batch's streams holding readings of its device within the
    /// `seq` range behind it.
    static func link(alert id: Int64, _ change: AlertChange, to streams: [StreamRecord], in db: Database) throws {
        let serial = change.device.description
        for stream in streams {
            guard stream.devices.contains(where: {
                $0.serial == serial && $0.firstSeq <= Int64(change.lastSeq) && Int64(change.firstSeq) <= $0.lastSeq
            }) else { continue }
            try db.execute(sql: "INSERT OR IGNORE INTO alertStream (alertId, sha256) VALUES (?, ?)", arguments: [id, stream.sha256])
        }
    }
}

extension Store {
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
