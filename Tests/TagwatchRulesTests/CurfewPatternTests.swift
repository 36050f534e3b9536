import Testing
import TagwatchRules

/// `curfew.absence` in a plain 19:00–07:00 curfew (November: London is on UTC), grace 5 min.
@Suite struct CurfewPatternTests {
    @Test func during() {
        // Away 20:00 (first out) to 20:30 (first in): 30 min; past grace at 20:06 (6 > 5).
        let changes = absences([
            (true, "2026-11-23T18:00:00Z", "2026-11-23T20:00:00Z"),
            (false, "2026-11-23T20:00:00Z", "2026-11-23T20:30:00Z"),
            (true, "2026-11-23T20:30:00Z", "2026-11-23T21:00:00Z"),
        ])
        #expect(changes.count == 1)
        guard let alert = changes.first else { return }
        #expect(alert.start == at("2026-11-23T20:00:00Z"))
        #expect(alert.end == at("2026-11-23T20:30:00Z"))
        #expect(alert.openedAt == at("2026-11-23T20:06:00Z"))
        #expect(alert.text("pattern") == "during")
        #expect(alert.integer("minutesAbsent") == 30)
        #expect(alert.severity == .high)
        #expect(alert.subject == "S-1")
        #expect(alert.device == Serial.tag)
    }

    @Test func late() {
        // Away 18:30–19:30; the interval opens 19:00 → 19:00–19:30, past grace at 19:06.
        let changes = absences([
            (true, "2026-11-23T18:00:00Z", "2026-11-23T18:30:00Z"),
            (false, "2026-11-23T18:30:00Z", "2026-11-23T19:30:00Z"),
            (true, "2026-11-23T19:30:00Z", "2026-11-23T20:00:00Z"),
        ])
        #expect(changes.count == 1)
        #expect(changes.first?.start == at("2026-11-23T19:00:00Z"))
        #expect(changes.first?.end == at("2026-11-23T19:30:00Z"))
        #expect(changes.first?.openedAt == at("2026-11-23T19:06:00Z"))
        #expect(changes.first?.text("pattern") == "late")
        #expect(changes.first?.integer("minutesAbsent") == 30)
    }

    @Test func early() {
        // Away 06:30–07:30; the interval closes 07:00 → 06:30–07:00.
        let changes = absences([
            (true, "2026-11-24T06:00:00Z", "2026-11-24T06:30:00Z"),
            (false, "2026-11-24T06:30:00Z", "2026-11-24T07:30:00Z"),
            (true, "2026-11-24T07:30:00Z", "2026-11-24T08:00:00Z"),
        ])
        #expect(changes.count == 1)
        #expect(changes.first?.start == at("2026-11-24T06:30:00Z"))
        #expect(changes.first?.end == at("2026-11-24T07:00:00Z"))
        #expect(changes.first?.text("pattern") == "early")
        #expect(changes.first?.integer("minutesAbsent") == 30)
    }

    @Test func whole() {
        // Curfew 19:00–21:00; away 18:00–22:00 → 19:00–21:00, 120 min.
        let changes = absences([
            (true, "2026-11-23T17:30:00Z", "2026-11-23T18:00:00Z"),
            (false, "2026-11-23T18:00:00Z", "2026-11-23T22:00:00Z"),
            (true, "2026-11-23T22:00:00Z", "2026-11-23T22:30:00Z"),
        ], fixture: .curfew([RulesFixture.window("19:00", "21:00")]))
        #expect(changes.count == 1)
        #expect(changes.first?.start == at("2026-11-23T19:00:00Z"))
        #expect(changes.first?.end == at("2026-11-23T21:00:00Z"))
        #expect(changes.first?.text("pattern") == "whole")
        #expect(changes.first?.integer("minutesAbsent") == 120)
    }

    @Test(arguments: [("2026-11-23T20:05:00Z", false), ("2026-11-23T20:05:01Z", true)])
    func graceIsStrict(returnAt: String, raises: Bool) {
        // Away from 20:00: exactly 5 min is within the grace; 5 min 1 s is more.
        var tape = Tape(Serial.tag)
        tape.rf(true, from: at("2026-11-23T19:50:00Z"), to: at("2026-11-23T20:00:00Z"))
        tape.rf(false, from: at("2026-11-23T20:00:00Z"), to: at("2026-11-23T20:05:00Z"))
        tape.rf(true, at: at(returnAt))
        var run = Run(.curfew())
        let changes = run.batch(tape.readings).of(.curfewAbsence)
        #expect(changes.count == (raises ? 1 : 0))
        if raises {
            #expect(changes.first?.start == at("2026-11-23T20:00:00Z"))
            #expect(changes.first?.end == at(returnAt))
            #expect(changes.first?.integer("minutesAbsent") == 5)
        }
    }

    @Test(arguments: [(8, false), (11, true)])
    func theOrdersOwnGraceApplies(awayMinutes: Int, raises: Bool) {
        // Grace 10 min: 8 min away is within it, 11 min is not.
        var fixture = RulesFixture.curfew()
        fixture.graceMinutes = 10
        var tape = Tape(Serial.tag)
        let leave = at("2026-11-23T20:00:00Z")
        tape.rf(true, from: leave - 10 * minute, to: leave)
        tape.rf(false, from: leave, to: leave + Int64(awayMinutes) * minute)
        tape.rf(true, from: leave + Int64(awayMinutes) * minute, to: leave + 20 * minute)
        var run = Run(fixture)
        #expect(run.batch(tape.readings).of(.curfewAbsence).count == (raises ? 1 : 0))
    }

    @Test func highRiskAbsenceIsCritical() {
        var fixture = RulesFixture.curfew()
        fixture.risk = .high
        let changes = absences([
            (true, "2026-11-23T19:50:00Z", "2026-11-23T20:00:00Z"),
            (false, "2026-11-23T20:00:00Z", "2026-11-23T20:30:00Z"),
            (true, "2026-11-23T20:30:00Z", "2026-11-23T20:40:00Z"),
        ], fixture: fixture)
        #expect(changes.map(\.severity) == [.critical])
    }
}
