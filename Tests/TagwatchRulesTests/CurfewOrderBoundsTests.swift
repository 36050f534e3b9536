import Testing
import TagwatchCore
import TagwatchRules

/// A curfew order in force 2026-11-23T20:00Z to 2026-11-24T05:00Z only: its intervals are
/// cut to it, and readings outside it raise nothing.
@Suite struct CurfewOrderBoundsTests {
    private var fixture: RulesFixture {
        var fixture = RulesFixture.curfew()
        fixture.orderStart = at("2026-11-23T20:00:00Z")
        fixture.orderEnd = at("2026-11-24T05:00:00Z")
        return fixture
    }

    /// The tag's `rf` stretches and, when given, an open strap, in time order.
    private func run(_ stretches: [(Bool, String, String)], strapOpenAt: String? = nil) -> [AlertChange] {
        var events: [(Int64, Payload)] = []
        for (inRange, from, to) in stretches {
            for time in stride(from: at(from), to: at(to), by: Int(minute)) {
                events.append((time, .rf(inRange: inRange, rssi: -70)))
            }
        }
        if let strapOpenAt { events.append((at(strapOpenAt), .strap(ok: false))) }
        var tape = Tape(Serial.tag)
        for (time, payload) in events.sorted(by: { $0.0 < $1.0 }) { tape.add(time, payload) }
        var run = Run(fixture)
        return run.batch(tape.readings)
    }

    @Test func beforeTheOrderStartsNothingIsRaised() {
        // Away 19:00–19:55 (a 19:00 window, but before the order), strap open at 19:30.
        let changes = run([
            (true, "2026-11-23T18:30:00Z", "2026-11-23T19:00:00Z"),
            (false, "2026-11-23T19:00:00Z", "2026-11-23T19:55:00Z"),
            (true, "2026-11-23T19:55:00Z", "2026-11-23T20:10:00Z"),
        ], strapOpenAt: "2026-11-23T19:30:00Z")
        #expect(changes.isEmpty)
    }

    @Test func absenceIsCutToTheOrderStart() {
        // Away 19:30–20:30; the interval opens at the order start 20:00 → late, 20:00–20:30.
        let changes = run([
            (true, "2026-11-23T19:00:00Z", "2026-11-23T19:30:00Z"),
            (false, "2026-11-23T19:30:00Z", "2026-11-23T20:30:00Z"),
            (true, "2026-11-23T20:30:00Z", "2026-11-23T20:40:00Z"),
        ]).of(.curfewAbsence)
        #expect(changes.count == 1)
        #expect(changes.first?.start == at("2026-11-23T20:00:00Z"))
        #expect(changes.first?.end == at("2026-11-23T20:30:00Z"))
        #expect(changes.first?.text("pattern") == "late")
        #expect(changes.first?.integer("minutesAbsent") == 30)
    }

    @Test func absenceIsCutToTheOrderEnd() {
        // Away 04:30–05:30; the interval closes at the order end 05:00 before the return
        // → early, 04:30–05:00, 30 min.
        let changes = run([
            (true, "2026-11-24T04:00:00Z", "2026-11-24T04:30:00Z"),
            (false, "2026-11-24T04:30:00Z", "2026-11-24T05:30:00Z"),
            (true, "2026-11-24T05:30:00Z", "2026-11-24T05:40:00Z"),
        ]).of(.curfewAbsence)
        #expect(changes.count == 1)
        #expect(changes.first?.start == at("2026-11-24T04:30:00Z"))
        #expect(changes.first?.end == at("2026-11-24T05:00:00Z"))
        #expect(changes.first?.text("pattern") == "early")
        #expect(changes.first?.integer("minutesAbsent") == 30)
        // Finished by a reading after the order: still named with the order it broke.
        #expect(changes.first?.order == "O-C")
    }

    @Test func afterTheOrderEndsNothingIsRaised() {
        // In until 05:00, away 05:00–06:00 (a 07:00 window, but after the order), strap open 05:30.
        let changes = run([
            (true, "2026-11-24T04:40:00Z", "2026-11-24T05:00:00Z"),
            (false, "2026-11-24T05:00:00Z", "2026-11-24T06:00:00Z"),
            (true, "2026-11-24T06:00:00Z", "2026-11-24T06:10:00Z"),
        ], strapOpenAt: "2026-11-24T05:30:00Z")
        #expect(changes.isEmpty)
    }

    /// In to 04:29, then silent until 05:30, after the order's end at 05:00. The silence
    /// became no contact at 04:44, inside the order: raised, named with the order, ended
    /// by the first reading after it; 04:44–05:00 is 16 min of curfew unverified (> 5,
    /// high), 61 min silent.
    @Test func aSilenceBegunInTheOrderAndEndedAfterItIsRaised() {
        let changes = run([
            (true, "2026-11-24T04:00:00Z", "2026-11-24T04:30:00Z"),
            (true, "2026-11-24T05:30:00Z", "2026-11-24T05:40:00Z"),
        ]).of(.noContact)
        #expect(changes.count == 1)
        #expect(changes.first?.start == at("2026-11-24T04:29:00Z"))
        #expect(changes.first?.end == at("2026-11-24T05:30:00Z"))
        #expect(changes.first?.order == "O-C")
        #expect(changes.first?.severity == .high)
        #expect(changes.first?.integer("silentMinutes") == 61)
        #expect(changes.first?.integer("curfewMinutesUnverified") == 16)
    }

    /// In to 04:49, silent until 06:00: the silence would become no contact at 05:04,
    /// after the order: nothing.
    @Test func aSilenceThatRunsOutAfterTheOrderRaisesNothing() {
        let changes = run([
            (true, "2026-11-24T04:30:00Z", "2026-11-24T04:50:00Z"),
            (true, "2026-11-24T06:00:00Z", "2026-11-24T06:10:00Z"),
        ])
        #expect(changes.isEmpty)
    }

    /// The same silence seen at the end of a batch whose `--now` is past the order's end:
    /// raised open, then ended by the next upload.
    @Test func aSilenceBegunInTheOrderIsJudgedAtABatchEndAfterIt() throws {
        var tape = Tape(Serial.tag)
        tape.rf(true, from: at("2026-11-24T04:00:00Z"), to: at("2026-11-24T04:30:00Z"))
        var run = Run(fixture)
        let first = run.batch(tape.readings, now: at("2026-11-24T06:00:00Z")).of(.noContact)
        #expect(first.count == 1)
        #expect(first.first?.start == at("2026-11-24T04:29:00Z"))
        #expect(first.first?.end == nil)
        #expect(first.first?.order == "O-C")
        #expect(first.first?.openedAt == at("2026-11-24T06:00:00Z"))

        try run.restart()
        var next = Tape(Serial.tag, seq: tape.seq)
        next.rf(true, from: at("2026-11-24T06:10:00Z"), to: at("2026-11-24T06:20:00Z"))
        let second = run.batch(next.readings).of(.noContact)
        #expect(second.count == 1)
        #expect(second.first?.key == first.first?.key)
        #expect(second.first?.end == at("2026-11-24T06:10:00Z"))
        #expect(second.first?.openedAt == at("2026-11-24T06:00:00Z"))
    }
}
