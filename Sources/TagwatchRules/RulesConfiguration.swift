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

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func value<T: Decodable>(_ key: CodingKeys, _ fallback: T) throws -> T {
            try container.decodeIfPresent(T.self, forKey: key) ?? fallback
        }
        let defaults = RulesConfiguration()
        onset = try value(.onset, defaults.onset)
        threshold = try value(.threshold, defaults.threshold)
        minReadings = try value(.minReadings, defaults.minReadings)
        segmentGapMinutes = try value(.segmentGapMinutes, defaults.segmentGapMinutes)
        confirmMinimumHours = try value(.confirmMinimumHours, defaults.confirmMinimumHours)
        confirmMaximumElimination = try value(.confirmMaximumElimination, defaults.confirmMaximumElimination)
        baselineReadings = try value(.baselineReadings, defaults.baselineReadings)
        offSkinVolts = try value(.offSkinVolts, defaults.offSkinVolts)
        tamperReadings = try value(.tamperReadings, defaults.tamperReadings)
        removalColdReadings = try value(.removalColdReadings, defaults.removalColdReadings)
        removalTemperature = try value(.removalTemperature, defaults.removalTemperature)
        contactTimeoutMinutes = try value(.contactTimeoutMinutes, defaults.contactTimeoutMinutes)
        alcoholSilenceMinutes = try value(.alcoholSilenceMinutes, defaults.alcoholSilenceMinutes)
        gpsSilenceMinutes = try value(.gpsSilenceMinutes, defaults.gpsSilenceMinutes)
        powerLossMinutes = try value(.powerLossMinutes, defaults.powerLossMinutes)
        batteryLowPercent = try value(.batteryLowPercent, defaults.batteryLowPercent)
        graceMinutes = try value(.graceMinutes, defaults.graceMinutes)
        gapHoldMinutes = try value(.gapHoldMinutes, defaults.gapHoldMinutes)
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
