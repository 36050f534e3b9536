import Testing
import TagwatchRules

/// `device.no_contact`: a curfew tag without `rf` for more than 15 min, an alcohol tag
/// without any reading for more than 26 h. Curfew 19:00–07:00 (UTC in November), grace 5.
@Suite struct NoContactTests {
    private func tagRun(_ stretches: [(String, String)], now: Int64? = nil) -> (Run, [AlertChange]) {
        var tape = Tape(Serial.tag)
        for (from, to) in stretches { tape.rf(true, from: at(from), to: at(to)) }
        var run = Run(.curfew())
        let changes = run.batch(tape.readings, now: now).of(.noContact)
        return (run, changes)
    }

    @Test func silenceBetweenReadingsInTheDay() {
        // Last rf 10:59, next 11:30: 31 min silent, no curfew time unknown → medium.
        let (_, changes) = tagRun([("2026-11-23T10:00:00Z", "2026-11-23T11:00:00Z"),
                                   ("2026-11-23T11:30:00Z", "2026-11-23T11:35:00Z")])
        #expect(changes.count == 1)
        guard let alert = changes.first else { return }
        #expect(alert.start == at("2026-11-23T10:59:00Z"))
        #expect(alert.end == at("2026-11-23T11:30:00Z"))
        #expect(alert.openedAt == at("2026-11-23T11:30:00Z"))
        #expect(alert.severity == .medium)
        #expect(alert.integer("curfewMinutesUnverified") == 0)
    }

    @Test func exactlyFifteenMinutesIsNotSilence() {
        let (_, changes) = tagRun([("2026-11-23T10:00:00Z", "2026-11-23T10:01:00Z"),
                                   ("2026-11-23T10:15:00Z", "2026-11-23T10:20:00Z")])
        #expect(changes.isEmpty)
    }

    @Test(arguments: [
        ("2026-11-23T19:10:00Z", AlertSeverity.medium, Int64(5)),
        ("2026-11-23T19:11:00Z", .high, 6),
        ("2026-11-23T19:30:00Z", .high, 25),
    ])
    func highWhenMoreThanGraceOfCurfewIsUnverified(next: String, severity: AlertSeverity, unverified: Int64) {
        // Last rf 18:50: unknown from 19:05 to the next reading, all of it curfew time.
        var tape = Tape(Serial.tag)
        tape.rf(true, from: at("2026-11-23T18:40:00Z"), to: at("2026-11-23T18:51:00Z"))
        tape.rf(true, at: at(next))
        var run = Run(.curfew())
        let silence = run.batch(tape.readings).of(.noContact)
        #expect(silence.count == 1)
        #expect(silence.first?.start == at("2026-11-23T18:50:00Z"))
        #expect(silence.first?.end == at(next))
        #expect(silence.first?.severity == severity)
        #expect(silence.first?.integer("curfewMinutesUnverified") == unverified)
    }

    @Test func silenceAfterTheLastReadingIsJudgedAtBatchEndThenEnded() throws {
        var (run, first) = tagRun([("2026-11-23T10:00:00Z", "2026-11-23T11:00:00Z")],
                                  now: at("2026-11-23T11:30:00Z"))
        #expect(first.count == 1)
        #expect(first.first?.start == at("2026-11-23T10:59:00Z"))
        #expect(first.first?.end == nil)
        #expect(first.first?.openedAt == at("2026-11-23T11:30:00Z"))
        #expect(first.first?.severity == .medium)

        try run.restart()
        var next = Tape(Serial.tag, seq: 61)
        next.rf(true, from: at("2026-11-23T12:00:00Z"), to: at("2026-11-23T12:05:00Z"))
        let second = run.batch(next.readings).of(.noContact)
        #expect(second.count == 1)
        #expect(second.first?.key == first.first?.key)
        #expect(second.first?.end == at("2026-11-23T12:00:00Z"))
        #expect(second.first?.openedAt == at("2026-11-23T11:30:00Z"))
    }

    @Test func silenceAtNightAfterTheLastReadingIsHigh() {
        // Last rf 18:50, judged at 19:30: 19:05–19:30 unknown, 25 min of curfew.
        let (_, changes) = tagRun([("2026-11-23T18:00:00Z", "2026-11-23T18:51:00Z")],
                                  now: at("2026-11-23T19:30:00Z"))
        #expect(changes.count == 1)
        #expect(changes.first?.end == nil)
        #expect(changes.first?.severity == .high)
        #expect(changes.first?.integer("curfewMinutesUnverified") == 25)
    }

    @Test func anotherDevicesReadingMovesTheWatermark() {
        // The tag's last rf 10:59; the home unit is heard at 11:30 in the same batch.
        var tag = Tape(Serial.tag)
        tag.rf(true, from: at("2026-11-23T10:00:00Z"), to: at("2026-11-23T11:00:00Z"))
        var unit = Tape(Serial.hmu)
        unit.hmu([.onMains], at: at("2026-11-23T11:30:00Z"))
        var run = Run(.curfew())
        let changes = run.batch(tag.readings + unit.readings).of(.noContact)
        #expect(changes.count == 1)
        #expect(changes.first?.start == at("2026-11-23T10:59:00Z"))
        #expect(changes.first?.end == nil)
        #expect(run.monitor.watermark == at("2026-11-23T11:30:00Z"))
    }

    @Test func nowMovesTheWatermarkForOneBatchOnly() {
        let (withoutNow, quiet) = tagRun([("2026-11-23T10:00:00Z", "2026-11-23T11:00:00Z")])
        #expect(quiet.isEmpty)
        #expect(withoutNow.monitor.watermark == at("2026-11-23T10:59:00Z"))

        var (run, raised) = tagRun([("2026-11-23T10:00:00Z", "2026-11-23T11:00:00Z")],
                                   now: at("2026-11-23T11:30:00Z"))
        #expect(raised.count == 1)
        #expect(run.monitor.watermark == at("2026-11-23T10:59:00Z"))
        #expect(run.batch([]).isEmpty)
    }

    @Test(arguments: [(Int64(26 * 60), false), (Int64(26 * 60 + 1), true)])
    func alcoholTagSilentForMoreThan26Hours(silentMinutes: Int64, raises: Bool) {
        var tape = Tape(Serial.alcohol)
        tape.tac(0, at: noon)
        tape.tac(0, at: noon + silentMinutes * minute)
        var run = Run(.sobriety)
        let changes = run.batch(tape.readings).of(.noContact)
        #expect(changes.count == (raises ? 1 : 0))
        if raises {
            #expect(changes.first?.start == noon)
            #expect(changes.first?.end == noon + silentMinutes * minute)
            #expect(changes.first?.severity == .medium)
        }
    }

    @Test func alcoholTagSilentAfterItsLastReading() {
        var tape = Tape(Serial.alcohol)
        tape.tac(0, at: noon)
        var run = Run(.sobriety)
        #expect(run.batch(tape.readings, now: noon + 26 * hour).of(.noContact).isEmpty)
        let changes = run.batch([], now: noon + 27 * hour).of(.noContact)
        #expect(changes.count == 1)
        #expect(changes.first?.start == noon)
        #expect(changes.first?.end == nil)
    }
}
