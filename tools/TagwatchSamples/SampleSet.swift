import TagwatchCompression
import TagwatchCore

/// A generated caseload with its devices' streams, day by day, and the alerts the rules
/// must raise for what was injected.
///
/// Curfew units upload every hour, sobriety tags once a day; a day's file is what a
/// gateway would deliver: every upload of the day, one gzip member each, in upload order.
public struct SampleSet: Sendable {
    public let configuration: SampleConfiguration
    public private(set) var curfew: [CurfewPlan] = []
    public private(set) var sobriety: [SobrietyPlan] = []
    /// A serial no assignment covers, heard for an hour on the first day.
    public let unassigned: DeviceSerial?
    public static let officers = ["PO-17", "PO-23", "PO-31"]

    public init(_ configuration: SampleConfiguration) {
        self.configuration = configuration
        var generator = SplitMix64(seed: configuration.seed)
        let risks = ["medium", "low", "high"]
        let scenarioDay = configuration.start + Int64(min(1, configuration.days - 1)) * SampleTime.day
        for index in 0..<configuration.curfewSubjects {
            var plan = CurfewPlan(
                subject: "S-\(1001 + index)", risk: risks[index % risks.count],
                tag: serial("RF-", 1900 + index), homeUnit: serial("HMU-", 1900 + index),
                encoding: configuration.encoding ?? (index % 2 == 0 ? .twr1 : .ndjson),
                phase: Int64.random(in: 1...59, using: &generator) * SampleTime.second)
            for day in 0..<configuration.days {
                let midnight = configuration.start + Int64(day) * SampleTime.day
                plan.away.append(Span(midnight + 8 * SampleTime.hour + 30 * SampleTime.minute, midnight + 17 * SampleTime.hour + 30 * SampleTime.minute))
            }
            let scenario = CurfewScenario.allCases[index % CurfewScenario.allCases.count]
            let lastDay = configuration.start + Int64(configuration.days - 1) * SampleTime.day
            if configuration.injectScenarios, scenarioDay + Int64(scenario.daysAfter) * SampleTime.day <= lastDay {
                scenario.apply(to: &plan, day: scenarioDay)
            }
            curfew.append(plan)
        }
        // Sobriety subjects are S-2001 on, or follow the curfew subjects past a thousand.
        let firstSobriety = 1001 + max(1000, configuration.curfewSubjects)
        for index in 0..<configuration.sobrietySubjects {
            var plan = SobrietyPlan(
                subject: "S-\(firstSobriety + index)", risk: risks[(index + 1) % risks.count],
                tag: serial("TAC-", 400 + index),
                encoding: configuration.encoding ?? (index % 2 == 0 ? .ndjson : .twr1),
                phase: Int64.random(in: 1...1799, using: &generator) * SampleTime.second,
                baselineIR: Float.random(in: 2.4...2.9, using: &generator))
            if configuration.injectScenarios {
                SobrietyScenario.allCases[index % SobrietyScenario.allCases.count].apply(to: &plan, day: scenarioDay)
            }
            sobriety.append(plan)
        }
        unassigned = configuration.includeUnassignedDevice ? serial("RF-", 999_000) : nil
    }

    /// Midnight of day `index` (0-based).
    public func midnight(ofDay index: Int) -> Int64 {
        configuration.start + Int64(index) * SampleTime.day
    }

    /// Writes each day's gateway file through `write` (day index, bytes of one member at
    /// a time), so large sets never sit in memory whole.
    public func generate(_ write: (_ day: Int, _ member: [UInt8]) throws -> Void) rethrows {
        try forEachUpload { day, encoding, readings in
            try write(day, Self.member(readings, encoding))
        }
    }

    /// Every upload in order: its day (0-based), its encoding and its readings.
    public func forEachUpload(_ body: (_ day: Int, _ encoding: RecordEncoding, _ readings: [Reading]) throws -> Void) rethrows {
        var units = curfew.enumerated().map { CurfewUnitSimulator(plan: $1, seed: configuration.seed &+ UInt64($0) &* 7919) }
        var tags = sobriety.enumerated().map { SobrietyTagSimulator(plan: $1, seed: configuration.seed &+ 1_000_003 &+ UInt64($0) &* 104_729) }
        var strayGenerator = SplitMix64(seed: configuration.seed &+ 99)
        for day in 0..<configuration.days {
            let midnight = midnight(ofDay: day)
            for hour in 0..<24 {
                let window = Span(midnight + Int64(hour) * SampleTime.hour, midnight + Int64(hour + 1) * SampleTime.hour)
                for index in units.indices {
                    let readings = units[index].readings(in: window)
                    if !readings.isEmpty { try body(day, units[index].plan.encoding, readings) }
                }
                if day == 0, hour == 12, let stray = unassigned {
                    let readings = (0..<60).map { minute in
                        Reading(device: stray, seq: UInt32(minute + 1), time: window.start + Int64(minute) * SampleTime.minute + 30 * SampleTime.second,
                                payload: .rf(inRange: true, rssi: Int8.random(in: -70 ... -50, using: &strayGenerator)))
                    }
                    try body(day, .twr1, readings)
                }
            }
            for index in tags.indices {
                try body(day, tags[index].plan.encoding, tags[index].readings(in: Span(midnight, midnight + SampleTime.day)))
            }
        }
    }

    /// One upload: the readings encoded and compressed as one gzip member.
    static func member(_ readings: [Reading], _ encoding: RecordEncoding) -> [UInt8] {
        var bytes: [UInt8] = []
        switch encoding {
        case .twr1:
            TWR1Encoder.appendHeader(to: &bytes)
            for reading in readings { TWR1Encoder.append(reading, to: &bytes) }
        case .ndjson:
            for reading in readings { NDJSONEncoder.append(reading, to: &bytes) }
        }
        return Compressor.gzipMember(bytes)
    }

    /// The alerts the rules must raise over all days, by start time.
    public func expectedAlerts() -> [ExpectedAlert] {
        var alerts = curfew.flatMap(\.expected)
        var tags = sobriety.enumerated().map { SobrietyTagSimulator(plan: $1, seed: configuration.seed &+ 1_000_003 &+ UInt64($0) &* 104_729) }
        let all = Span(configuration.start, midnight(ofDay: configuration.days))
        for index in tags.indices {
            let plan = tags[index].plan
            let scenario = configuration.injectScenarios ? SobrietyScenario.allCases[index % SobrietyScenario.allCases.count].rawValue : "none"
            alerts += AlcoholOracle.expectedAlerts(for: tags[index].readings(in: all), subject: plan.subject, risk: plan.risk, scenario: scenario)
        }
        if let stray = unassigned {
            alerts.append(ExpectedAlert(type: "device.unassigned", subject: nil, device: stray.description,
                                        start: midnight(ofDay: 0) + 12 * SampleTime.hour + 30 * SampleTime.second,
                                        end: nil, severity: Severity.low.name, classification: nil, pattern: nil,
                                        scenario: "unassignedSerial"))
        }
        return alerts.sorted { ($0.start, $0.device) < ($1.start, $1.device) }
    }
}
