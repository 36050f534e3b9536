import TagwatchCore
import TagwatchSamples
import Testing

/// The generator's oracle for rules.md's sobriety rules, against expectations worked out
/// by hand from the spec (smoothed TAC = median of a reading and its neighbours).
@Suite struct AlcoholOracleTests {
    static let start: Int64 = 1_793_577_600_000
    static let halfHour: Int64 = 30 * 60_000

    static func readings(tac: [Float], ir: [Float]? = nil, temp: [Float]? = nil) -> [Reading] {
        let device = DeviceSerial("TAC-1")!
        return tac.indices.map { index in
            Reading(device: device, seq: UInt32(index), time: start + Int64(index) * halfHour,
                    payload: .tac(AlcoholSample(tac: tac[index], ir: ir?[index] ?? 2.7, temp: temp?[index] ?? 33)))
        }
    }

    static func alerts(_ readings: [Reading], risk: String = "low") -> [ExpectedAlert] {
        AlcoholOracle.expectedAlerts(for: readings, subject: "S-1", risk: risk, scenario: "test")
    }

    static func time(_ index: Int) -> Int64 { start + Int64(index) * halfHour }

    @Test func threeSmoothedReadingsOverThresholdInAnHourAreAnUnconfirmedEpisode() throws {
        // Smoothed: 0, 0, 0, .05, .06, .06, 0, 0, 0 — three at or over 0.020, one hour long.
        let alerts = Self.alerts(Self.readings(tac: [0, 0, 0, 0.05, 0.08, 0.06, 0, 0, 0]))
        let alert = try #require(alerts.first)
        #expect(alerts.count == 1)
        #expect(alert.type == "alcohol.drinking")
        #expect(alert.start == Self.time(3))
        #expect(alert.end == Self.time(5))
        #expect(alert.classification == "unconfirmed")
        #expect(alert.severity == "medium")
    }

    @Test func twoReadingsOverThresholdRaiseNothing() {
        // Smoothed: 0, 0, .05, .05, 0, 0 — only two at or over 0.020.
        #expect(Self.alerts(Self.readings(tac: [0, 0, 0.05, 0.08, 0, 0])).isEmpty)
    }

    @Test func aCurveOverHoursClearedSlowlyIsConfirmedAndHighForAHighRiskSubject() throws {
        // Rises to 0.10, falls 0.01 a reading (0.02 g/dL/h). Smoothed peak 0.09 last at
        // index 7; first smoothed >= 0.010 at index 2 (0.02), last at 15 (0.01); the first
        // reading after it (16) is 0: rate 0.09 / 4.5 h = 0.02, duration 6.5 h: confirmed.
        let rising: [Float] = [0, 0, 0.02, 0.04, 0.06, 0.08, 0.10]
        let falling: [Float] = (1...10).map { Float(10 - $0) / 100 }
        let alerts = Self.alerts(Self.readings(tac: rising + falling + [0, 0, 0]), risk: "high")
        let alert = try #require(alerts.first)
        #expect(alerts.count == 1)
        #expect(alert.start == Self.time(2))
        #expect(alert.end == Self.time(15))
        #expect(alert.classification == "confirmed")
        #expect(alert.severity == "critical")
    }

    @Test func fourReadingsOffTheSkinThreeOfThemColdAreARemoval() throws {
        let ir: [Float] = [2.7, 2.7, 2.7, 2.7, 2.7, 2.7, 3.5, 3.5, 3.5, 3.5, 2.7]
        let temp: [Float] = [33, 33, 33, 33, 33, 33, 20, 20, 30, 20, 33]
        let alerts = Self.alerts(Self.readings(tac: Array(repeating: 0, count: 11), ir: ir, temp: temp))
        let alert = try #require(alerts.first)
        #expect(alerts.map(\.type) == ["tamper.removal"])
        #expect(alert.start == Self.time(6))
        #expect(alert.end == Self.time(10))
        #expect(alert.severity == "high")
    }

    @Test func fourReadingsOffTheSkinButWarmAreAnObstructionAndThreeAreNothing() {
        let warm: [Float] = Array(repeating: 31, count: 11)
        let four: [Float] = [2.7, 2.7, 2.7, 2.7, 2.7, 2.7, 3.2, 3.2, 3.2, 3.2, 2.7]
        let three: [Float] = [2.7, 2.7, 2.7, 2.7, 2.7, 2.7, 3.2, 3.2, 3.2, 2.7, 2.7]
        let zero = [Float](repeating: 0, count: 11)
        #expect(Self.alerts(Self.readings(tac: zero, ir: four, temp: warm)).map(\.type) == ["tamper.obstruction"])
        #expect(Self.alerts(Self.readings(tac: zero, ir: three, temp: warm)).isEmpty)
    }
}
