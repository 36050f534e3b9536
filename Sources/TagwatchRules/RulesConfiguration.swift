/// The numbers the rules run on (rules.md, streams.md §3–4). Every default is the
/// spec's; a rules file may change any of them (missing keys keep their default).
public struct RulesConfiguration: Sendable, Equatable, Codable {
    // Sobriety (rules.md, "Sobriety orders").
    /// Smoothed TAC (g/dL) at or above which a drinking episode runs.
    public var onset = 0.010
    /// Smoothed TAC (g/dL) that `minReadings` consecutive readings must reach to raise.
    public var threshold = 0.020
    public var minReadings = 3
    /// A gap in a tag's readings longer than this ends a segment (and an episode).
    public var segmentGapMinutes = 90
    /// A drinking episode is `confirmed` when it lasts at least this long...
    public var confirmMinimumHours = 3.0
    /// ...and alcohol leaves the body no faster than this (g/dL per hour).
    public var confirmMaximumElimination = 0.060
    /// Readings whose median `ir` is the tamper baseline.
    public var baselineReadings = 6
    /// `ir` further than this (V) from the baseline is off the skin.
    public var offSkinVolts = 0.40
    /// Consecutive off-skin readings that make a tamper episode.
    public var tamperReadings = 4
    /// Of those, how many below `removalTemperature` make it a removal.
    public var removalColdReadings = 3
    public var removalTemperature = 24.0

    // Curfew and equipment.
    /// `rf` silence after which presence is unknown (`contactTimeout`).
    public var contactTimeoutMinutes = 15
    /// Silence of an `alcohol` tag that is no contact (they upload about daily).
    public var alcoholSilenceMinutes = 26 * 60
    /// Silence of a `gps` tag that is no contact.
    public var gpsSilenceMinutes = 30
    /// Time off mains after which a power loss becomes an alert.
    public var powerLossMinutes = 30
    /// Battery at or below this percentage is low.
    public var batteryLowPercent = 15
    /// Grace for orders that do not set their own (caseload.md).
    public var graceMinutes = 5

    // Order of readings (streams.md §3).
    /// How long a device's readings wait for a missing `seq` before it is declared lost.
    public var gapHoldMinutes = 360

    public init() {}

    /// A rules file's value out of its range, or a key the rules do not have.
    public struct Invalid: Error, CustomStringConvertible {
        public var key: String
        public var message: String
        public var description: String { "\(key): \(message)" }
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Reads a rules file: every key optional, each checked against its range, unknown
    /// keys refused (a misspelt key must not silently keep the default).
    public init(from decoder: Decoder) throws {
        if let unknown = try decoder.container(keyedBy: AnyKey.self).allKeys.first(where: { CodingKeys(stringValue: $0.stringValue) == nil }) {
            throw Invalid(key: unknown.stringValue, message: "not a rules setting (known: \(CodingKeys.allCases.map(\.stringValue).joined(separator: ", ")))")
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func value<T: Decodable & Comparable>(_ key: CodingKeys, _ fallback: T, _ range: ClosedRange<T>) throws -> T {
            guard container.contains(key) else { return fallback }
            guard let found = try? container.decode(T.self, forKey: key) else {
                throw Invalid(key: key.stringValue, message: T.self == Int.self ? "must be a whole number" : "must be a number")
            }
            guard range.contains(found) else { throw Invalid(key: key.stringValue, message: "must be from \(range.lowerBound) to \(range.upperBound)") }
            return found
        }
        let week = 7 * 24 * 60
        let defaults = RulesConfiguration()
        onset = try value(.onset, defaults.onset, 0.0001...1)
        threshold = try value(.threshold, defaults.threshold, 0.0001...1)
        minReadings = try value(.minReadings, defaults.minReadings, 1...1000)
        segmentGapMinutes = try value(.segmentGapMinutes, defaults.segmentGapMinutes, 1...week)
        confirmMinimumHours = try value(.confirmMinimumHours, defaults.confirmMinimumHours, 0...168)
        confirmMaximumElimination = try value(.confirmMaximumElimination, defaults.confirmMaximumElimination, 0...10)
        baselineReadings = try value(.baselineReadings, defaults.baselineReadings, 1...1000)
        offSkinVolts = try value(.offSkinVolts, defaults.offSkinVolts, 0...100)
        tamperReadings = try value(.tamperReadings, defaults.tamperReadings, 1...1000)
        removalColdReadings = try value(.removalColdReadings, defaults.removalColdReadings, 0...1000)
        removalTemperature = try value(.removalTemperature, defaults.removalTemperature, -50...100)
        contactTimeoutMinutes = try value(.contactTimeoutMinutes, defaults.contactTimeoutMinutes, 1...week)
        alcoholSilenceMinutes = try value(.alcoholSilenceMinutes, defaults.alcoholSilenceMinutes, 1...4 * week)
        gpsSilenceMinutes = try value(.gpsSilenceMinutes, defaults.gpsSilenceMinutes, 1...week)
        powerLossMinutes = try value(.powerLossMinutes, defaults.powerLossMinutes, 0...week)
        batteryLowPercent = try value(.batteryLowPercent, defaults.batteryLowPercent, 0...100)
        graceMinutes = try value(.graceMinutes, defaults.graceMinutes, 0...1440)
        gapHoldMinutes = try value(.gapHoldMinutes, defaults.gapHoldMinutes, 1...week)
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case onset, threshold, minReadings, segmentGapMinutes, confirmMinimumHours, confirmMaximumElimination
        case baselineReadings, offSkinVolts, tamperReadings, removalColdReadings, removalTemperature
        case contactTimeoutMinutes, alcoholSilenceMinutes, gpsSilenceMinutes, powerLossMinutes, batteryLowPercent
        case graceMinutes, gapHoldMinutes
    }
}

extension RulesConfiguration {
    static let minute: Int64 = 60_000

    /// TAC thresholds at the precision readings carry (`f32`): a reading of exactly
    /// 0.020 g/dL is stored as 0.0199999996 and must count as at the threshold.
    var onsetAtReadingPrecision: Double { Double(Float(onset)) }
    var thresholdAtReadingPrecision: Double { Double(Float(threshold)) }
    var segmentGap: Int64 { Int64(segmentGapMinutes) * Self.minute }
    var contactTimeout: Int64 { Int64(contactTimeoutMinutes) * Self.minute }
    var powerLoss: Int64 { Int64(powerLossMinutes) * Self.minute }
    var gapHold: Int64 { Int64(gapHoldMinutes) * Self.minute }
}
