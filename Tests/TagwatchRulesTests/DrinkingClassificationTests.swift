import Testing
import TagwatchCaseload
import TagwatchRules

/// A body's curve, r0..r16 (smoothed: 0 0 .02 .04 .06 .08 .08 .07 .06 .05 .04 .03 .02 .005 0 0):
/// episode r2..r12 (5 h), peak .08 last at r6, first after r13 (.005):
/// elimination (.08 − .005) / 3.5 h = .0214/h; absorption (.08 − 0) / (r6 − r1 = 2.5 h) = .032/h.
let bodyCurve: [Float] = [0, 0, 0.02, 0.04, 0.06, 0.08, 0.08, 0.07, 0.06, 0.05, 0.04, 0.03, 0.02, 0.005, 0, 0, 0]

/// A spike, r0..r8: smoothed 0 0 .1 .1 .1 0 0 0: episode r2..r4 (1 h), rate .1 / 0.5 h = .2/h.
let skinSpike: [Float] = [0, 0, 0.1, 0.1, 0.1, 0, 0, 0, 0]

/// Classification when the episode ends: `confirmed` (≥ 3 h and elimination ≤ .060/h,
/// high) or `unconfirmed` (medium); high-risk subjects one level up.
@Suite struct DrinkingClassificationTests {
    @Test func bodyCurveIsConfirmed() {
        let changes = drinking(bodyCurve)
        #expect(changes.count == 1)
        guard let alert = changes.first else { return }
        #expect(alert.start == r(2))
        #expect(alert.end == r(12))
        #expect(alert.openedAt == r(4))
        #expect(alert.text("classification") == "confirmed")
        #expect(alert.severity == .high)
        #expect(near(alert.number("peakTAC"), 0.08))
        #expect(alert.time("peakAt") == r(6))
        #expect(near(alert.number("eliminationRate"), 0.075 / 3.5))
        #expect(near(alert.number("absorptionRate"), 0.032))
        #expect(near(alert.number("durationHours"), 5))
        #expect(alert.integer("readings") == 11)
        #expect(alert.time("episodeStart") == r(2))
        #expect(alert.time("episodeEnd") == r(12))
    }

    @Test func exactlyThreeHoursWithGentleEliminationIsConfirmed() {
        // Smoothed: 0 0 .03×7 (r2..r8) .005 0 0: duration r2→r8 = 3 h;
        // elimination (.03 − .005) / 0.5 h = .05 ≤ .06.
        let changes = drinking([0, 0, 0.03, 0.03, 0.03, 0.03, 0.03, 0.03, 0.03, 0.005, 0, 0, 0])
        #expect(changes.first?.end == r(8))
        #expect(changes.first?.text("classification") == "confirmed")
        #expect(near(changes.first?.number("eliminationRate"), 0.05))
    }

    @Test func twoAndAHalfHoursIsUnconfirmed() {
        // As above with one .03 fewer: r2..r7 = 2.5 h < 3 h.
        let changes = drinking([0, 0, 0.03, 0.03, 0.03, 0.03, 0.03, 0.03, 0.005, 0, 0, 0])
        #expect(changes.first?.end == r(7))
        #expect(changes.first?.text("classification") == "unconfirmed")
        #expect(changes.first?.severity == .medium)
    }

    @Test func shortSpikeIsUnconfirmed() {
        let changes = drinking(skinSpike)
        #expect(changes.count == 1)
        guard let alert = changes.first else { return }
        #expect(alert.start == r(2))
        #expect(alert.end == r(4))
        #expect(alert.openedAt == r(4))
        #expect(alert.text("classification") == "unconfirmed")
        #expect(alert.severity == .medium)
        #expect(near(alert.number("eliminationRate"), 0.2))
        #expect(near(alert.number("durationHours"), 1))
    }

    @Test func longEpisodeWithSuddenDropIsUnconfirmed() {
        // Smoothed r2..r9 .05 (3.5 h), r10 0: peak .05 last at r9, rate .05 / 0.5 h = .1 > .06.
        let changes = drinking([0, 0, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0, 0, 0, 0])
        #expect(changes.first?.end == r(9))
        #expect(changes.first?.text("classification") == "unconfirmed")
        #expect(near(changes.first?.number("eliminationRate"), 0.1))
    }

    @Test(arguments: [
        (bodyCurve, Risk.medium, AlertSeverity.high),
        (bodyCurve, .high, .critical),
        (skinSpike, .medium, .medium),
        (skinSpike, .high, .high),
        (Array(bodyCurve.prefix(6)), .high, .high), // pending (medium), raised one level
    ])
    func highRiskRaisesOneLevel(values: [Float], risk: Risk, severity: AlertSeverity) {
        let changes = drinking(values, risk: risk)
        #expect(changes.count == 1)
        #expect(changes.first?.severity == severity)
    }
}
