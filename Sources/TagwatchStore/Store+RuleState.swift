import Foundation
import GRDB
import TagwatchCore
import TagwatchRules

/// What the rules need to go on where the last batch stopped.
public struct RuleState: Sendable {
    public var watermark: Int64?
    public var devices: [DeviceSerial: DeviceState]
}

/// One batch's outcome, committed together.
public struct BatchOutcome: Sendable {
    public var changes: [AlertChange]
    public var devices: [(serial: DeviceSerial, state: DeviceState)]
    public var watermark: Int64?
    /// Wall-clock time of the batch, each new alert's `raisedAt`.
    public var raisedAt: Int64

    public init(changes: [AlertChange], devices: [(serial: DeviceSerial, state: DeviceState)], watermark: Int64?, raisedAt: Int64) {
        self.changes = changes
        self.devices = devices
        self.watermark = watermark
        self.raisedAt = raisedAt
    }
}

/// How many alerts a batch opened and updated.
public struct AlertCounts: Sendable, Equatable {
    public var opened = 0
    public var updated = 0
}

extension Store {
    static let watermarkKey = "watermark"

    public func ruleState() throws(StoreError) -> RuleState {
        try read("read the rule state") { db in
            let watermark = try Int64.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [Self.watermarkKey])
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
            return RuleState(watermark: watermark, devices: devices)
        }
    }

    /// Commits a batch: its alert changes (opening or updating one alert per episode,
    /// with a history entry for each), the devices' new states and the watermark, in
    /// one transaction.
    public func commit(_ outcome: BatchOutcome) throws(StoreError) -> AlertCounts {
        try write("commit the batch") { db in
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            var counts = AlertCounts()
            for change in outcome.changes {
                switch try Self.record(change, raisedAt: outcome.raisedAt, in: db, encoder: encoder) {
                case .opened: counts.opened += 1
                case .updated: counts.updated += 1
                case .unchanged: break
                }
            }
            for (serial, state) in outcome.devices {
                try db.execute(sql: "INSERT OR REPLACE INTO deviceState (serial, state) VALUES (?, ?)",
                               arguments: [serial.description, try encoder.encode(state)])
            }
            if let watermark = outcome.watermark {
                try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
                               arguments: [Self.watermarkKey, watermark])
            }
            return counts
        }
    }
}
