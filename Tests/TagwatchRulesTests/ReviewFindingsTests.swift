import Testing
import TagwatchCore
import TagwatchRules

/// Cases a review found: the last `seq` a device can have, and a silence raised at the
/// end of a batch that the next upload shows shorter.
@Suite struct ReviewFindingsTests {
    @Test func afterTheLastSeqNothingWrapsToZero() {
        // seq 4294967295 (the device's first) at 10:00, then seq 5 at 17:00 in the next
        // batch: numbers below a device's first reading count as lost, so 5 is late; it is
        // never taken as the reading after 4294967295 (no wrap to 0, no gap, no trap).
        let last = Reading(device: Serial.tag, seq: .max, time: at("2026-11-23T10:00:00Z"), payload: .rf(inRange: true, rssi: -60))
        var second = Tape(Serial.tag, seq: 5)
        second.rf(true, at: at("2026-11-23T17:00:00Z"))
        var run = Run(.curfew())
        run.batch([last])
        let changes = run.batch(second.readings)
        #expect(run.admissions == [.accepted, .late])
        #expect(changes.of(.dataGap).isEmpty)
    }

    @Test func aSilenceRaisedAtBatchEndRecordsItsEndWhenTheNextReadingComes() {
        // Batch 1: rf 10:00–10:59, judged at 11:30 (31 min silent: raised, end open).
        // Batch 2: the unit's late upload has rf at 11:00: the silence ends at 11:00.
        var tape = Tape(Serial.tag)
        tape.rf(true, from: at("2026-11-23T10:00:00Z"), to: at("2026-11-23T11:00:00Z"))
        var run = Run(.curfew())
        let raised = run.batch(tape.readings, now: at("2026-11-23T11:30:00Z")).of(.noContact)
        #expect(raised.first?.end == nil)
        var more = Tape(Serial.tag, seq: tape.seq)
        more.rf(true, at: at("2026-11-23T11:00:00Z"))
        let ended = run.batch(more.readings).of(.noContact)
        #expect(ended.count == 1)
        #expect(ended.first?.start == at("2026-11-23T10:59:00Z"))
        #expect(ended.first?.end == at("2026-11-23T11:00:00Z"))
        #expect(ended.first?.openedAt == at("2026-11-23T11:30:00Z"))
    }
}
