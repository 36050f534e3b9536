import Testing
import TagwatchRules

/// rules.md, "Curfew orders": an absence inside a curfew interval no longer than the grace
/// raises no alert but is counted in the compliance summary. (19:00–07:00 curfew, grace
/// 5 min, November: London on UTC.)
@Suite struct ShortAbsenceTests {
    /// The batch's short absences, and its absence alerts.
    func run(_ stretches: [(Bool, String, String)]) -> (short: [ShortAbsence], alerts: [AlertChange]) {
        var tape = Tape(Serial.tag)
        for (inRange, from, to) in stretches { tape.rf(inRange, from: at(from), to: at(to)) }
        var run = Run(.curfew())
        let alerts = run.batch(tape.readings).of(.curfewAbsence)
        return (run.monitor.takeShortAbsences(), alerts)
    }

    @Test func anAbsenceOfExactlyTheGraceIsNotedNotRaised() {
        let (short, alerts) = run([
            (true, "2026-11-23T20:00:00Z", "2026-11-23T21:00:00Z"),
            (false, "2026-11-23T21:00:00Z", "2026-11-23T21:05:00Z"),
            (true, "2026-11-23T21:05:00Z", "2026-11-23T21:30:00Z"),
        ])
        #expect(alerts.isEmpty)
        #expect(short == [ShortAbsence(order: "O-C", subject: "S-1", device: Serial.tag,
                                       start: at("2026-11-23T21:00:00Z"), end: at("2026-11-23T21:05:00Z"))])
    }

    @Test func oneMinuteOverTheGraceIsAnAlertAndNotAShortAbsence() {
        let (short, alerts) = run([
            (true, "2026-11-23T20:00:00Z", "2026-11-23T21:00:00Z"),
            (false, "2026-11-23T21:00:00Z", "2026-11-23T21:06:00Z"),
            (true, "2026-11-23T21:06:00Z", "2026-11-23T21:30:00Z"),
        ])
        #expect(alerts.count == 1)
        #expect(short.isEmpty)
    }

    @Test func aShortPartAtTheIntervalsCloseIsNotedOnceWhileTheSubjectStaysAway() {
        // Away 06:57 to 08:00: 06:57–07:00 is inside the curfew (3 min), the rest outside.
        let (short, alerts) = run([
            (true, "2026-11-24T06:00:00Z", "2026-11-24T06:57:00Z"),
            (false, "2026-11-24T06:57:00Z", "2026-11-24T08:00:00Z"),
            (true, "2026-11-24T08:00:00Z", "2026-11-24T08:10:00Z"),
        ])
        #expect(alerts.isEmpty)
        #expect(short.map { [$0.start, $0.end] } == [[at("2026-11-24T06:57:00Z"), at("2026-11-24T07:00:00Z")]])
    }

    @Test func awayOutsideCurfewTimeIsNothing() {
        let (short, alerts) = run([
            (true, "2026-11-24T10:00:00Z", "2026-11-24T11:00:00Z"),
            (false, "2026-11-24T11:00:00Z", "2026-11-24T11:03:00Z"),
            (true, "2026-11-24T11:03:00Z", "2026-11-24T11:30:00Z"),
        ])
        #expect(alerts.isEmpty)
        #expect(short.isEmpty)
    }
}
