import Foundation
import TagwatchCaseload
import TagwatchCore
import TagwatchRules

/// A monitor fed batch by batch, as the store would: device states saved after each
/// batch and, on ``restart()``, passed through JSON into a new monitor.
struct Run {
    let caseload: Caseload
    var monitor: Monitor
    /// What each reading fed so far was admitted as, in feeding order.
    private(set) var admissions: [Admission] = []
    private var saved: [DeviceSerial: DeviceState] = [:]

    init(_ fixture: RulesFixture) {
        caseload = fixture.caseload
        monitor = Monitor(caseload: caseload)
    }

    /// Admits `readings` in the order given, ends the batch and returns its changes.
    @discardableResult
    mutating func batch(_ readings: [Reading], now: Int64? = nil) -> [AlertChange] {
        for reading in readings { admissions.append(monitor.admit(reading)) }
        let changes = monitor.endBatch(now: now)
        for (serial, state) in monitor.takeChangedDevices() { saved[serial] = state }
        return changes
    }

    /// Admits `readings`, commits a checkpoint (its changes and device states saved, as
    /// the store would) and returns its changes; the batch is not ended.
    mutating func checkpoint(after readings: [Reading]) -> [AlertChange] {
        for reading in readings { admissions.append(monitor.admit(reading)) }
        let changes = monitor.checkpoint()
        for (serial, state) in monitor.takeChangedDevices() { saved[serial] = state }
        return changes
    }

    /// A new monitor from the saved watermark and device states, each state
    /// round-tripped through JSON as a store keeps it.
    mutating func restart() throws {
        var states: [DeviceSerial: DeviceState] = [:]
        for (serial, state) in saved {
            let data = try JSONEncoder().encode(state)
            states[serial] = try JSONDecoder().decode(DeviceState.self, from: data)
        }
        monitor = Monitor(caseload: caseload, watermark: monitor.watermark, devices: states)
    }
}

extension Array where Element == AlertChange {
    func of(_ type: AlertType) -> [AlertChange] { filter { $0.type == type } }
}

extension AlertChange {
    func text(_ key: String) -> String? {
        if case .text(let value)? = details[key] { return value }
        return nil
    }

    func integer(_ key: String) -> Int64? {
        if case .integer(let value)? = details[key] { return value }
        return nil
    }

    func number(_ key: String) -> Double? {
        switch details[key] {
        case .number(let value)?: value
        case .integer(let value)?: Double(value)
        default: nil
        }
    }

    func time(_ key: String) -> Int64? {
        if case .time(let value)? = details[key] { return value }
        return nil
    }
}

/// Whether `value` is within `tolerance` of `expected`.
func near(_ value: Double?, _ expected: Double, _ tolerance: Double = 0.000_15) -> Bool {
    guard let value else { return false }
    return abs(value - expected) <= tolerance
}
