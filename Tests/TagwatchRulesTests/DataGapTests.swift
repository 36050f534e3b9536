import Testing
import TagwatchCore
import TagwatchRules

/// `seq` gaps (streams.md §3): held readings wait; the gap is declared lost when they run
/// more than 360 min past the reading before it, or at the end of a batch when the
/// watermark does; a reading for a lost gap is late, evaluated as a segment of its own.
@Suite struct DataGapTests {
    /// The alcohol tag, sober every 30 min from 10:00: seq 1 10:00, seq 2 10:30, seq 3
    /// (missing) 11:00, seq k ≥ 4 at 10:30 + (k − 2) × 30 min; seq 5 (12:00) is an open
    /// strap and seq 6 (12:30) a closed one.
    private func tape(through lastSeq: UInt32) -> [Reading] {
        let ten = at("2026-11-23T10:00:00Z")
        var tape = Tape(Serial.alcohol)
        tape.tac(0, at: ten)
        tape.tac(0, at: ten + 30 * minute)
        tape.skip()
        while tape.seq <= lastSeq {
            let time = ten + Int64(tape.seq - 1) * 30 * minute
            switch tape.seq {
            case 5: tape.strap(ok: false, at: time)
            case 6: tape.strap(ok: true, at: time)
            default: tape.tac(0, at: time)
            }
        }
        return tape.readings
    }

    @Test(arguments: [(UInt32(14), false), (15, true)])
    func heldReadingsDeclareTheGapLost(lastSeq: UInt32, lost: Bool) {
        // seq 14 is 16:30, exactly 360 min past seq 2 (10:30); seq 15 (17:00) is 390.
        var run = Run(.sobriety)
        let changes = run.batch(tape(through: lastSeq))
        let gaps = changes.of(.dataGap)
        #expect(gaps.count == (lost ? 1 : 0))
        // The held strap readings are evaluated only once the gap is given up.
        #expect(changes.of(.tamperStrap).count == (lost ? 1 : 0))
        if lost {
            #expect(gaps.first?.start == at("2026-11-23T10:30:00Z"))
            #expect(gaps.first?.end == at("2026-11-23T11:30:00Z"))
            #expect(gaps.first?.severity == .low)
            #expect(gaps.first?.subject == "S-1")
            #expect(changes.of(.tamperStrap).first?.start == at("2026-11-23T12:00:00Z"))
            #expect(changes.of(.tamperStrap).first?.end == at("2026-11-23T12:30:00Z"))
        }
    }

    @Test(arguments: [("2026-11-23T16:30:00Z", false), ("2026-11-23T16:31:00Z", true)])
    func watermarkDeclaresTheGapLostAtBatchEnd(now: String, lost: Bool) {
        // seq 1, 2, 4, 5 (strap open 12:00): lost once `now` is more than 360 min past 10:30.
        var run = Run(.sobriety)
        let changes = run.batch(tape(through: 5), now: at(now))
        #expect(changes.of(.dataGap).count == (lost ? 1 : 0))
        #expect(changes.of(.dataGap).first?.start == (lost ? at("2026-11-23T10:30:00Z") : nil))
        #expect(changes.of(.tamperStrap).count == (lost ? 1 : 0))
    }

    @Test func anotherDevicesLaterReadingsDeclareTheGapLostAtBatchEnd() {
        var unit = Tape(Serial.hmu)
        unit.hmu([.onMains], at: at("2026-11-23T16:31:00Z"))
        var run = Run(.sobriety)
        let changes = run.batch(tape(through: 5) + unit.readings)
        #expect(changes.of(.dataGap).count == 1)
    }

    @Test func retryWithinTheBatchFillsTheGapDespiteOtherDevicesLaterData() {
        // seq 1, 2, 4..6, then the home unit at 17:00, then the missing seq 3.
        var unit = Tape(Serial.hmu)
        unit.hmu([.onMains], at: at("2026-11-23T17:00:00Z"))
        var missing = Tape(Serial.alcohol, seq: 3)
        missing.tac(0, at: at("2026-11-23T11:00:00Z"))
        var run = Run(.sobriety)
        let changes = run.batch(tape(through: 6) + unit.readings + missing.readings)
        #expect(changes.of(.dataGap).isEmpty)
        #expect(run.admissions.allSatisfy { $0 == .accepted })
        #expect(changes.of(.tamperStrap).count == 1)
    }

    @Test func readingForALostGapIsLateAndEvaluatedOnItsOwn() throws {
        var run = Run(.sobriety)
        #expect(run.batch(tape(through: 15)).of(.dataGap).count == 1)
        try run.restart()
        // The missing seq 3 (11:00) turns up: an open strap.
        var late = Tape(Serial.alcohol, seq: 3)
        late.strap(ok: false, at: at("2026-11-23T11:00:00Z"))
        let changes = run.batch(late.readings)
        #expect(run.admissions.last == .late)
        #expect(changes.of(.dataGap).isEmpty)
        let strap = changes.of(.tamperStrap)
        #expect(strap.count == 1)
        #expect(strap.first?.start == at("2026-11-23T11:00:00Z"))
        #expect(strap.first?.severity == .critical)
    }

    /// A batch that commits a checkpoint after a late reading arrived, then crashes and
    /// is run again, ends as if uninterrupted: the late reading, no longer a lost number,
    /// was kept with the device's state and is evaluated at the rerun's end.
    @Test func aLateReadingPendingAtACheckpointSurvivesACrash() throws {
        var late = Tape(Serial.alcohol, seq: 3)
        late.strap(ok: false, at: at("2026-11-23T11:00:00Z"))

        var uninterrupted = Run(.sobriety)
        uninterrupted.batch(tape(through: 15))
        let expected = uninterrupted.batch(late.readings).of(.tamperStrap)
        #expect(expected.count == 1)

        var run = Run(.sobriety)
        run.batch(tape(through: 15))
        try run.restart()
        #expect(run.checkpoint(after: late.readings).isEmpty)
        #expect(run.admissions.last == .late)
        try run.restart()
        // The rerun delivers the same upload: a duplicate now, yet the strap is raised.
        let changes = run.batch(late.readings)
        #expect(run.admissions.last == .duplicate)
        #expect(changes.of(.tamperStrap) == expected)
    }

    /// Review finding: late readings stored as pending at a checkpoint must not stay
    /// stored once the batch's end has evaluated them, even when the device sends
    /// nothing more in the batch.
    @Test func lateReadingsPendingAtACheckpointAreClearedAtTheBatchEnd() throws {
        var late = Tape(Serial.alcohol, seq: 3)
        late.strap(ok: false, at: at("2026-11-23T11:00:00Z"))
        var other = Tape(Serial.hmu)
        other.hmu([.onMains], at: at("2026-11-23T18:00:00Z"))

        var run = Run(.sobriety)
        run.batch(tape(through: 15))
        try run.restart()
        _ = run.checkpoint(after: late.readings)
        // Only another device's reading after the checkpoint.
        #expect(run.batch(other.readings).of(.tamperStrap).count == 1)
        try run.restart()
        // Nothing pending was left stored: the next batch raises no second strap change.
        var next = Tape(Serial.hmu, seq: other.seq)
        next.hmu([.onMains], at: at("2026-11-23T18:15:00Z"))
        #expect(run.batch(next.readings).of(.tamperStrap).isEmpty)
    }
}
