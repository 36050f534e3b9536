import Foundation
import Testing
import TagwatchRules

/// Drinking episodes that outlast a batch, or end at a gap in readings.
@Suite struct DrinkingAcrossBatchesTests {
    @Test func episodeAcrossMidnightEndsInTheNextBatch() throws {
        // The body curve from 21:00: r2 = 22:00, r4 = 23:00, r12 = 03:00 next day.
        let start = at("2026-11-23T21:00:00Z")
        var tape = Tape(Serial.alcohol)
        tape.tac(bodyCurve, from: start)
        var run = Run(.sobriety)
        // Batch 1, r0..r5 (to 23:30): smoothed known to r4 → pending, opened at 23:00.
        let first = run.batch(Array(tape.readings[..<6])).of(.alcoholDrinking)
        #expect(first.count == 1)
        #expect(first.first?.start == at("2026-11-23T22:00:00Z"))
        #expect(first.first?.openedAt == at("2026-11-23T23:00:00Z"))
        #expect(first.first?.end == nil)
        #expect(first.first?.text("classification") == "pending")

        try run.restart()
        let second = run.batch(Array(tape.readings[6...])).of(.alcoholDrinking)
        #expect(second.count == 1)
        guard let alert = second.first else { return }
        #expect(alert.key == first.first?.key)
        #expect(alert.openedAt == at("2026-11-23T23:00:00Z"))
        #expect(alert.end == at("2026-11-24T03:00:00Z"))
        #expect(alert.text("classification") == "confirmed")
        #expect(alert.severity == .high)
    }

    @Test func deviceStateSurvivesJSON() throws {
        // Mid-episode, with a reading held past a seq gap.
        var tape = Tape(Serial.alcohol)
        tape.tac(Array(bodyCurve.prefix(6)), from: noon)
        tape.skip()
        tape.tac(0.05, at: r(7))
        var monitor = Monitor(caseload: RulesFixture.sobriety.caseload)
        for reading in tape.readings { _ = monitor.admit(reading) }
        _ = monitor.endBatch()
        let states = monitor.takeChangedDevices()
        #expect(states.count == 1)
        for (_, state) in states {
            let decoded = try JSONDecoder().decode(DeviceState.self, from: try JSONEncoder().encode(state))
            #expect(decoded == state)
        }
    }

    @Test func gapOver90MinutesEndsTheEpisode() {
        // r0..r5 raw 0 0 .05 .05 .05 .05, then 0 0 from r5 + 120 min.
        // Segment end: r5 = mean(.05,.05) = .05; episode r2..r5, opened r4; nothing within
        // 90 min after → r5 stands in: peak at r5, rate over 0 h = 0; 1.5 h → unconfirmed.
        var tape = Tape(Serial.alcohol)
        tape.tac([0, 0, 0.05, 0.05, 0.05, 0.05], from: noon)
        tape.tac([0, 0], from: r(5) + 120 * minute)
        var run = Run(.sobriety)
        let changes = run.batch(tape.readings).of(.alcoholDrinking)
        #expect(changes.count == 1)
        guard let alert = changes.first else { return }
        #expect(alert.start == r(2))
        #expect(alert.openedAt == r(4))
        #expect(alert.end == r(5))
        #expect(alert.number("eliminationRate") == 0)
        #expect(alert.text("classification") == "unconfirmed")
    }
}
