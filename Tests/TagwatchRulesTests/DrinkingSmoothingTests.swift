import Testing
import TagwatchRules

/// Smoothed TAC: the median of a reading and its neighbours; a segment's first and last
/// use the mean of the two they have; a gap over 90 min cuts the segment.
@Suite struct DrinkingSmoothingTests {
    @Test func singleSpikeIsSmoothedAway() {
        // Smoothed: mean(0,0)=0, med(0,0,.27)=0, med(0,.27,0)=0, med(.27,0,0)=0, ...: never at onset.
        #expect(drinking([0, 0, 0.27, 0, 0, 0]).isEmpty)
    }

    @Test func dipToZeroInsideAnEveningIsSmoothedOver() {
        // Raw 0 .03 .03 0 .03 .03 0 0 0 0 → smoothed .015 .03 .03 .03 .03 .03 0 0 0:
        // episode r0..r5 (r6, r7 below onset); threshold run r1,r2,r3 → opened at r3.
        let changes = drinking([0, 0.03, 0.03, 0, 0.03, 0.03, 0, 0, 0, 0])
        #expect(changes.count == 1)
        guard let alert = changes.first else { return }
        #expect(alert.start == r(0))
        #expect(alert.openedAt == r(3))
        #expect(alert.end == r(5))
        #expect(alert.integer("readings") == 6)
        #expect(near(alert.number("peakTAC"), 0.03))
        #expect(alert.time("peakAt") == r(5))
    }

    @Test func segmentFirstAndLastUseTheMeanOfTwo() {
        // r0..r4 raw .05 0 .03 .03 .05, then a 120 min gap (segment ends at r4).
        // Smoothed: r0 mean(.05,0)=.025, r1 med(.05,0,.03)=.03, r2 .03, r3 .03, r4 mean(.03,.05)=.04.
        // Run of 3 at threshold r0,r1,r2 → opened at r2. Peak .04 at r4 (own values would give .05 at r0).
        // No reading within 90 min after → r4 stands in: rate 0; duration 2 h → unconfirmed.
        var tape = Tape(Serial.alcohol)
        tape.tac([0.05, 0, 0.03, 0.03, 0.05], from: noon)
        tape.tac([0, 0], from: r(8))
        var run = Run(.sobriety)
        let changes = run.batch(tape.readings).of(.alcoholDrinking)
        #expect(changes.count == 1)
        guard let alert = changes.first else { return }
        #expect(alert.start == r(0))
        #expect(alert.openedAt == r(2))
        #expect(alert.end == r(4))
        #expect(near(alert.number("peakTAC"), 0.04))
        #expect(alert.time("peakAt") == r(4))
        #expect(alert.number("eliminationRate") == 0)
        #expect(alert.text("classification") == "unconfirmed")
        #expect(alert.integer("readings") == 5)
    }

    @Test(arguments: [(90, true), (91, false)])
    func gapCutsTheSegmentOnlyWhenLongerThan90Minutes(gapMinutes: Int, raises: Bool) {
        // r0 0, r1 .03, r2 .03 (t+0,30,60); r3 .03 at t+60+gap; then 0 0 0 0 every 30 min.
        // Uncut: .015 .03 .03 .03 0 0 → run r1..r3 → opened at r3.
        // Cut: segment 1 .015 .03 mean(.03,.03)=.03 (run of 2), segment 2 starts mean(.03,0)=.015: nothing.
        var tape = Tape(Serial.alcohol)
        tape.tac([0, 0.03, 0.03], from: noon)
        let third = r(2) + Int64(gapMinutes) * minute
        tape.tac([0.03, 0, 0, 0, 0], from: third)
        var run = Run(.sobriety)
        let changes = run.batch(tape.readings).of(.alcoholDrinking)
        if raises {
            #expect(changes.count == 1)
            #expect(changes.first?.start == r(0))
            #expect(changes.first?.openedAt == third)
            #expect(changes.first?.end == third)
        } else {
            #expect(changes.isEmpty)
        }
    }
}
