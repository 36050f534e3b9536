import Testing
import TagwatchRules

/// `minReadings` (3) consecutive smoothed readings at or above `threshold` (0.020) raise
/// the alert, `pending`, as soon as the third is known.
@Suite struct DrinkingThresholdTests {
    @Test func readingsOfExactlyTheThresholdCount() {
        // Raw 0 0 .02 .02 .02 .02 .02 0 0 0 0: smoothed r2..r6 = Float(0.02) each (a median
        // picks a raw value) → run r2,r3,r4 → opened at r4; episode r2..r6.
        let changes = drinking([0, 0, 0.02, 0.02, 0.02, 0.02, 0.02, 0, 0, 0, 0])
        #expect(changes.count == 1)
        #expect(changes.first?.start == r(2))
        #expect(changes.first?.openedAt == r(4))
        #expect(changes.first?.end == r(6))
    }

    @Test(arguments: [Float(0.02), 0.05])
    func twoReadingsAtThresholdRaiseNothing(level: Float) {
        // Raw 0 0 x x 0 0 0 0 → smoothed 0 0 x x 0 0 0: only two at threshold.
        #expect(drinking([0, 0, level, level, 0, 0, 0, 0]).isEmpty)
    }

    @Test func episodeAboveOnsetButBelowThresholdRaisesNothing() {
        // Smoothed .015 for six readings: an episode (≥ .010) but never ≥ .020.
        #expect(drinking([0, 0, 0.015, 0.015, 0.015, 0.015, 0.015, 0.015, 0, 0, 0, 0]).isEmpty)
    }

    @Test func openedPendingOnceTheThirdSmoothedReadingIsKnown() {
        // r0..r4 raw 0 0 .05 .05 .05: r4's smoothed TAC needs r5, so only r2,r3 are known.
        var run = Run(.sobriety)
        var tape = Tape(Serial.alcohol)
        tape.tac([0, 0, 0.05, 0.05, 0.05], from: noon)
        #expect(run.batch(tape.readings).of(.alcoholDrinking).isEmpty)
        // r5 .05 makes r4 = med(.05,.05,.05) known: third at threshold → opened at r4.
        var next = Tape(Serial.alcohol, seq: tape.seq)
        next.tac(0.05, at: r(5))
        let changes = run.batch(next.readings).of(.alcoholDrinking)
        #expect(changes.count == 1)
        guard let alert = changes.first else { return }
        #expect(alert.start == r(2))
        #expect(alert.openedAt == r(4))
        #expect(alert.end == nil)
        #expect(alert.text("classification") == "pending")
        #expect(alert.severity == .medium)
        #expect(alert.subject == "S-1")
    }
}
