import Testing
import TagwatchCore
import TagwatchRules

/// Readings of one device are evaluated in `seq` order, whatever order they arrive in;
/// a (`dev`, `seq`) already accepted is a duplicate.
@Suite struct SequencingTests {
    /// Sober r0..r2, then r3..r10 raw 0 .1 .1 .1 0 0 0 0 with the strap open from
    /// r4 + 5 min to r6 + 5 min. Smoothed r3..r8: 0 .1 .1 .1 0 0 → episode r4..r6, opened at r6.
    private func evening() -> (sober: [Reading], drinking: [Reading]) {
        var tape = Tape(Serial.alcohol)
        tape.tac([0, 0, 0], from: noon)
        let sober = tape.readings
        tape.tac(0, at: r(3))
        tape.tac(0.1, at: r(4))
        tape.strap(ok: false, at: r(4) + 5 * minute)
        tape.tac(0.1, at: r(5))
        tape.tac(0.1, at: r(6))
        tape.strap(ok: true, at: r(6) + 5 * minute)
        tape.tac([0, 0, 0, 0], from: r(7))
        return (sober, Array(tape.readings[sober.count...]))
    }

    private func expectEvening(_ changes: [AlertChange]) {
        let drinking = changes.of(.alcoholDrinking)
        #expect(drinking.count == 1)
        #expect(drinking.first?.start == r(4))
        #expect(drinking.first?.end == r(6))
        #expect(drinking.first?.openedAt == r(6))
        let strap = changes.of(.tamperStrap)
        #expect(strap.count == 1)
        #expect(strap.first?.start == r(4) + 5 * minute)
        #expect(strap.first?.end == r(6) + 5 * minute)
    }

    @Test func outOfOrderWithinABatchIsPutBackInOrder() {
        let (sober, drinking) = evening()
        var inOrder = Run(.sobriety)
        inOrder.batch(sober)
        let expected = inOrder.batch(drinking)
        expectEvening(expected)

        var reversed = Run(.sobriety)
        reversed.batch(sober)
        #expect(reversed.batch(drinking.reversed()) == expected)
        #expect(reversed.admissions.allSatisfy { $0 == .accepted })
    }

    @Test func outOfOrderInADevicesFirstBatchIsPutBackInOrder() {
        // The device has never been heard; its first batch, the body curve to r7 (still
        // drinking), arrives reversed. In order: smoothed known to r6 → pending, opened at
        // r4, no end yet.
        var tape = Tape(Serial.alcohol)
        tape.tac(Array(bodyCurve.prefix(8)), from: noon)
        var inOrder = Run(.sobriety)
        let expected = inOrder.batch(tape.readings)
        #expect(expected.of(.alcoholDrinking).map(\.end) == [nil])
        #expect(expected.of(.alcoholDrinking).first?.text("classification") == "pending")

        var reversed = Run(.sobriety)
        #expect(reversed.batch(tape.readings.reversed()) == expected)
        #expect(reversed.admissions.allSatisfy { $0 == .accepted })
    }

    @Test func readingsAcceptedInAnEarlierBatchAreDuplicates() throws {
        var tape = Tape(Serial.alcohol)
        tape.tac([0, 0, 0, 0], from: noon)
        var run = Run(.sobriety)
        run.batch(tape.readings)
        try run.restart()
        let changes = run.batch([tape.readings[1], tape.readings[3]])
        #expect(changes.isEmpty)
        #expect(run.admissions == [.accepted, .accepted, .accepted, .accepted, .duplicate, .duplicate])
    }
}
