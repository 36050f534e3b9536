import Testing
import TagwatchRules

private func t(_ clock: String) -> Int64 { at("2026-11-23T\(clock):00Z") }

/// `hmu.power_loss`: off mains for more than 30 min; the episode is the whole time off
/// mains (first off reading to first on reading).
@Suite struct PowerLossTests {
    private func run(off: [String], onAt: String?) -> [AlertChange] {
        var tape = Tape(Serial.hmu)
        tape.hmu([.onMains], at: t("09:45"))
        for clock in off { tape.hmu([], at: t(clock)) }
        if let onAt { tape.hmu([.onMains], at: t(onAt)) }
        var run = Run(.curfew())
        return run.batch(tape.readings)
    }

    @Test func exactlyThirtyMinutesRaisesNothing() {
        #expect(run(off: ["10:00", "10:15"], onAt: "10:30").isEmpty)
    }

    @Test func thirtyOneMinutesRaises() {
        let changes = run(off: ["10:00", "10:15", "10:30"], onAt: "10:31")
        #expect(changes.map(\.type) == [.hmuPowerLoss])
        #expect(changes.first?.start == t("10:00"))
        #expect(changes.first?.end == t("10:31"))
        #expect(changes.first?.severity == .low)
    }

    @Test func ongoingPowerLossRaisesOnceItPassesThirtyMinutes() throws {
        var tape = Tape(Serial.hmu)
        for clock in ["10:00", "10:15", "10:30", "10:45"] { tape.hmu([], at: t(clock)) }
        var run = Run(.curfew())
        // 10:30 is exactly 30 min (not more); 10:45 is 45.
        let first = run.batch(tape.readings)
        #expect(first.map(\.type) == [.hmuPowerLoss])
        #expect(first.first?.start == t("10:00"))
        #expect(first.first?.openedAt == t("10:45"))
        #expect(first.first?.end == nil)

        try run.restart()
        var next = Tape(Serial.hmu, seq: tape.seq)
        next.hmu([.onMains], at: t("11:00"))
        let second = run.batch(next.readings)
        #expect(second.first?.key == first.first?.key)
        #expect(second.first?.end == t("11:00"))
        #expect(second.first?.openedAt == t("10:45"))
    }
}
