import Foundation
import GRDB
import TagwatchCaseload
import TagwatchCore
import TagwatchRules

/// What the rules need to go on where the last batch stopped.
public struct RuleState: Sendable {
    public var watermark: Int64?
    public var devices: [DeviceSerial: DeviceState]
    /// How many batches the store has committed: a batch commits only if no other
    /// committed since its rule state was read.
    public var batches: Int64
}

/// One batch's outcome, committed together.
public struct BatchOutcome: Sendable {
    public var changes: [AlertChange]
    public var devices: [(serial: DeviceSerial, state: DeviceState)]
    public var watermark: Int64?
    /// Wall-clock time of the batch, each new alert's `raisedAt`.
    public var raisedAt: Int64
    /// The streams read, each already kept in the evidence folder.
    public var streams: [StreamRecord]
    /// ``RuleState/batches`` when the batch's rule state was read (or its last
    /// checkpoint committed).
    public var after: Int64
    /// ``RuleState/batches`` when the batch's rule state was read: commits after the
    /// last finished batch and up to this one are checkpoints of an interrupted run of
    /// this batch.
    public var startedAfter: Int64
    /// A checkpoint in the middle of a batch: no streams yet, more to come.
    public var isCheckpoint: Bool
    /// Absences under the grace settled since the last commit.
    public var shortAbsences: [ShortAbsence]

    public init(changes: [AlertChange], devices: [(serial: DeviceSerial, state: DeviceState)], watermark: Int64?,
                raisedAt: Int64, streams: [StreamRecord] = [], after: Int64, startedAfter: Int64? = nil, isCheckpoint: Bool = false,
                shortAbsences: [ShortAbsence] = []) {
        self.changes = changes
        self.devices = devices
        self.watermark = watermark
        self.raisedAt = raisedAt
        self.streams = streams
        self.after = after
        self.startedAfter = startedAfter ?? after
        self.isCheckpoint = isCheckpoint
        self.shortAbsences = shortAbsences
    }
}

/// How many alerts a batch opened and updated.
public struct AlertCounts: Sendable, Equatable {
    public var opened = 0
    public var updated = 0

    public init() {}

    public static func += (total: inout AlertCounts, more: AlertCounts) {
        total.opened += more.opened
        total.updated += more.updated
    }
}

extension Store {
    static let watermarkKey = "watermark"
    static let batchesKey = "batches"
    /// The last commit that finished a batch (not a checkpoint).
    static let lastFinishedBatchKey = "lastFinishedBatch"

    public func ruleState() throws(StoreError) -> RuleState {
        try read("read the rule state") { db in
            let watermark = try Int64.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [Self.watermarkKey])
            let batches = try Int64.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [Self.batchesKey]) ?? 0
            let rows = try Row.fetchAll(db, sql: "SELECT serial, state FROM deviceState").map { row in
                (serial: row["serial"] as String, state: row["state"] as Data)
            }
            let path = path
            let decoded = try ParallelMap.map(rows) { row in
                guard let serial = DeviceSerial(row.serial) else {
                    throw StoreError(.corrupt, "the store holds state for an invalid serial \(row.serial)", context: ["path": path])
                }
                do {
                    return (serial, try Self.deviceState(from: row.state))
                } catch {
                    throw StoreError(.corrupt, "the rule state of \(row.serial) does not read: \(error)", context: ["path": path, "serial": row.serial])
                }
            }
            return RuleState(watermark: watermark, devices: Dictionary(decoded, uniquingKeysWith: { first, _ in first }), batches: batches)
        }
    }

    /// Commits a batch in one transaction: its streams (with the devices they hold and
    /// their quarantine), its alert changes (opening or updating one alert per episode,
    /// with a history entry each, linked to the streams behind them, and the prompts they
    /// owe people in the outbox), the devices' new states, the watermark, and an audit
    /// entry. Refused, with nothing kept, when
    /// another batch committed since this one read its rule state.
    public func commit(_ outcome: BatchOutcome) throws(StoreError) -> AlertCounts {
        let states: [(serial: String, state: Data)]
        do {
            states = try ParallelMap.map(outcome.devices) { device in
                (device.serial.description, Data(try CompactEncoder.encode(device.state)))
            }
        } catch {
            throw StoreError(.failed, "could not write the devices' rule state: \(error)", context: ["path": path])
        }
        return try write("commit the batch") { db in
            let batches = try Int64.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [Self.batchesKey]) ?? 0
            guard batches == outcome.after else {
                throw StoreError(.conflict, "another ingest committed while this one ran, so this batch was not kept",
                                 context: ["path": path], advice: "run it again: what the other batch took in counts as duplicates")
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            for stream in outcome.streams { try Self.record(stream, at: outcome.raisedAt, in: db, encoder: encoder) }
            var counts = AlertCounts()
            for change in outcome.changes {
                let (recorded, id) = try Self.record(change, raisedAt: outcome.raisedAt, batch: batches + 1, in: db, encoder: encoder)
                switch recorded {
                case .opened:
                    counts.opened += 1
                    try Self.oweFor(alert: id, .opened, subject: change.subject, officer: change.officer,
                                    severity: change.severity.name, at: outcome.raisedAt, in: db)
                case .updated(let fields):
                    counts.updated += 1
                    if fields["details.classification"]?[1] == "confirmed" {
                        try Self.oweFor(alert: id, .confirmed, subject: change.subject, officer: change.officer,
                                        severity: change.severity.name, at: outcome.raisedAt, in: db)
                    }
                case .unchanged: break
                }
                try Self.link(alert: id, change, in: db)
            }
            // Alerts changed at a checkpoint of this batch, before its streams were
            // known, are linked now.
            for stream in outcome.streams { try Self.link(stream: stream.sha256, in: db) }
            if !outcome.isCheckpoint {
                let finished = try Int64.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?",
                                                  arguments: [Self.lastFinishedBatchKey]) ?? 0
                // A batch run again after a crash: what its interrupted run took in comes
                // back as duplicates, yet came from its streams.
                if finished < outcome.startedAfter {
                    for stream in outcome.streams {
                        try Self.link(stream: stream.sha256, toAlertsChangedIn: (finished + 1)...(batches + 1), in: db)
                    }
                }
                try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
                               arguments: [Self.lastFinishedBatchKey, batches + 1])
            }
            let short = try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO shortAbsence (device, start, "end", orderId, subject) VALUES (?, ?, ?, ?, ?)
                """)
            for absence in outcome.shortAbsences {
                try short.execute(arguments: [absence.device.description, absence.start, absence.end, absence.order, absence.subject])
            }
            let statement = try db.cachedStatement(sql: "INSERT OR REPLACE INTO deviceState (serial, state) VALUES (?, ?)")
            for (serial, state) in states { try statement.execute(arguments: [serial, state]) }
            if let watermark = outcome.watermark {
                try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
                               arguments: [Self.watermarkKey, watermark])
            }
            try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", arguments: [Self.batchesKey, batches + 1])
            var details = [
                "streams": outcome.streams.map { "\($0.sha256) \($0.name)" }.joined(separator: "\n"),
                "accepted": String(outcome.streams.reduce(0) { $0 + ($1.counters["accepted"] ?? 0) }),
                "alertsOpened": String(counts.opened),
                "alertsUpdated": String(counts.updated),
            ]
            if let watermark = outcome.watermark { details["watermark"] = Instant.rfc3339(watermark) }
            try Self.audit(AuditRecord(at: outcome.raisedAt, actor: "ingest", action: outcome.isCheckpoint ? "ingest.checkpoint" : "ingest",
                                       target: "batch \(batches + 1)",
                                       details: details), in: db)
            return counts
        }
    }
}

extension Store {
    /// A device's stored rule state: the compact form, or JSON as stores written before
    /// it kept them (read until the device's next batch rewrites it).
    static func deviceState(from data: Data) throws -> DeviceState {
        if data.first == UInt8(ascii: "{") { return try JSONDecoder().decode(DeviceState.self, from: data) }
        return try CompactDecoder.decode(DeviceState.self, from: [UInt8](data))
    }
}
