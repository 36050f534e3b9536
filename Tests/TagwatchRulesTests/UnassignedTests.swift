import Testing
import TagwatchRules

/// `device.unassigned`: readings from a serial no assignment covers, one alert per serial.
@Suite struct UnassignedTests {
    @Test func oneAlertPerSerialAcrossBatches() throws {
        var tape = Tape(Serial.stray)
        tape.rf(false, from: at("2026-11-23T10:00:00Z"), to: at("2026-11-23T10:03:00Z"))
        var run = Run(.curfew())
        let first = run.batch(tape.readings)
        #expect(first.count == 1)
        guard let alert = first.first else { return }
        #expect(alert.type == .unassigned)
        #expect(alert.device == Serial.stray)
        #expect(alert.start == at("2026-11-23T10:00:00Z"))
        #expect(alert.subject == nil)
        #expect(alert.severity == .low)

        try run.restart()
        var more = Tape(Serial.stray, seq: tape.seq)
        more.strap(ok: false, at: at("2026-11-23T11:00:00Z"))
        let second = run.batch(more.readings)
        #expect(second.map(\.key) == [alert.key])
    }

    @Test func readingsBeforeTheAssignmentAreUnassigned() {
        var fixture = RulesFixture.curfew()
        fixture.assignedFrom = at("2026-11-23T12:00:00Z")
        var tape = Tape(Serial.tag)
        tape.strap(ok: false, at: at("2026-11-23T11:00:00Z"))
        var run = Run(fixture)
        let changes = run.batch(tape.readings)
        #expect(changes.map(\.type) == [.unassigned])
        #expect(changes.first?.subject == nil)
    }
}
