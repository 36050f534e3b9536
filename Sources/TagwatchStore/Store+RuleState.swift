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
    /// ``RuleState/batches`` when the batch's rule state was read.
    public var after: Int64

    public init(changes: [AlertChange], devices: [(serial: DeviceSerial, state: DeviceState)], watermark: Int64?,
                raisedAt: Int64, streams: [StreamRecord] = [], after: Int64) {
        self.changes = changes
        self.devices = devices
        self.watermark = watermark
        self.raisedAt = raisedAt
        self.streams = streams
        self.after = after
    }
}

/// How many alerts a batch opened and updated.
public struct AlertCounts: Sendable, Equatable {
    public var opened = 0
    public var updated = 0
}

extension Store {
    static let watermarkKey = "watermark"
    static let batchesKey = "batches"

    public func ruleState() throws(StoreError) -> RuleState {
        try read("read the rule state") { db in
            let watermark = try Int64.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [Self.watermarkKey])
            let batches = try Int64.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [Self.batchesKey]) ?? 0
            var devices: [DeviceSerial: DeviceState] = [:]
            let decoder = JSONDecoder()
            for row in try Row.fetchAll(db, sql: "SELECT serial, state FROM deviceState") {
                let text: String = row["serial"]
                guard let serial = DeviceSerial(text) else {
                    throw StoreError(.corrupt, "the store holds state for an invalid serial \(text)", context: ["path": path])
                }
                do {
                    devices[serial] = try decoder.decode(DeviceState.self, from: row["state"] as Data)
                } catch {
                    throw StoreError(.corrupt, "the rule state of \(text) does not read: \(error)", context: ["path": path, "serial": text])
                }
            }
            return RuleState(watermark: watermark, devices: devices, batches: batches)
        }
    }

    /// Commits a batch in one transaction: its streams (with the devices they hold and
    /// their quarantine), its alert changes (opening or updating one alert per episode,
    /// with a history entry each, linked to the streams behind them), the devices' new
    /// states, the watermark, and an audit entry. Refused, with nothing kept, when
    /// another batch committed since this one read its rule state.
    public func commit(_ outcome: BatchOutcome) throws(StoreError) -> AlertCounts {
        try write("commit the batch") { db in
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
                let (recorded, id) = try Self.record(change, raisedAt: outcome.raisedAt, in: db, encoder: encoder)
                switch recorded {
                case .opened: counts.opened += 1
                case .updated: counts.updated += 1
                case .unchanged: break
                }
                try Self.link(alert: id, change, to: outcome.streams, in: db)
            }
            for (serial, state) in outcome.devices {
                try db.execute(sql: "INSERT OR REPLACE INTO deviceState (serial, state) VALUES (?, ?)",
                               arguments: [serial.description, try encoder.encode(state)])
            }
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
            try Self.audit(AuditRecord(at: outcome.raisedAt, actor: "ingest", action: "ingest", target: "batch \(batches + 1)",
                                       details: details), in: db)
            return counts
        }
    }
}
