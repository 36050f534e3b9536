import Foundation
import TagwatchCaseload
import TagwatchRules
import TagwatchStore
import TagwatchWorker
import Testing

/// `alcohol.drinking` prompts: the curve's figures, and how sure each classification is.
/// Figures are shown to 3 decimals (TAC, rates) and 1 decimal (hours), rounded half up.
@Suite struct AlcoholPromptTests {
    static func drinking(_ classification: String, peak: Double, duration: Double, elimination: Double?, end: String?) -> StoredAlert {
        var details: [String: AlertDetail] = [
            "classification": .text(classification), "peakTAC": .number(peak),
            "peakAt": .time(Fixture.t("2026-10-24T22:00:00Z")), "absorptionRate": .number(0.0412),
            "durationHours": .number(duration), "readings": .integer(10),
            "episodeStart": .time(Fixture.t("2026-10-24T19:30:00Z")),
        ]
        if let elimination {
            details["eliminationRate"] = .number(elimination)
            details["episodeEnd"] = .time(Fixture.t(end!))
        }
        return Fixture.alert(type: "alcohol.drinking", severity: classification == "confirmed" ? "high" : "medium",
                             device: "TAC-000417", start: "2026-10-24T19:30:00Z", end: end,
                             openedAt: "2026-10-24T20:30:00Z", raisedAt: "2026-10-25T09:12:00Z", details: details)
    }

    @Test func aConfirmedCurveShowsItsFiguresAndWhyItIsConfirmed() {
        let alert = Self.drinking("confirmed", peak: 0.1064, duration: 4.5, elimination: 0.0153, end: "2026-10-25T00:00:00Z")
        let prompt = Prompt(event: .confirmed, alert: alert, context: Fixture.context)
        // 19:30Z is 20:30 BST; 00:00Z on the 25th is still BST (the clocks go back at 01:00Z).
        #expect(prompt.subject == "[high] Alcohol episode (confirmed) — S-0001 J. Doe, 24 Oct 20:30–25 Oct 01:00")
        let text = Fixture.flat(prompt)
        for expected in [
            "For Sam Okafor (PO-17).",
            "Alert 4711 is now classified as confirmed",
            "Tag TAC-000417 measured alcohol through the skin in 10 readings over 4.5 h.",
            "peaked at 0.106 g/dL at 2026-10-24T22:00:00Z (23:00 BST, Sat 24 Oct 2026).",
            "rose towards the peak at 0.041 g/dL per hour.",
            "After the peak it fell at 0.015 g/dL per hour.",
            "Started: 2026-10-24T19:30:00Z (20:30 BST, Sat 24 Oct 2026)",
            "Ended: 2026-10-25T00:00:00Z (01:00 BST, Sun 25 Oct 2026)",
            "raised at 2026-10-25T09:12:00Z (09:12 GMT, Sun 25 Oct 2026).",
            "Confirmed from its curve: it lasted 4.5 h (at least 3.0 h) and fell at 0.015 g/dL per hour (at most 0.060)",
            "Device TAC-000417, readings seq 1042 to 1046.",
            "Kept as received in 2 streams, named by SHA-256 (first 12 digits): 3f2a9c1d0b7e, 9a0b1c2d3e4f.",
            "You may want to talk with J. Doe",
        ] {
            #expect(text.contains(expected), "missing: \(expected)\n\(prompt.text)")
        }
        Fixture.expectCommon(prompt, id: 4711)
    }

    @Test func anUnconfirmedSpikeSaysWhyAndWhatItIsTypicalOf() {
        let alert = Self.drinking("unconfirmed", peak: 0.0875, duration: 1.5, elimination: 0.095, end: "2026-10-24T21:00:00Z")
        let prompt = Prompt(event: .opened, alert: alert, context: Fixture.context)
        let text = Fixture.flat(prompt)
        for expected in [
            "peaked at 0.088 g/dL",
            "Unconfirmed: it lasted 1.5 h, under 3.0 h and it fell at 0.095 g/dL per hour, faster than 0.060.",
            "typical of alcohol on the skin (sanitiser, perfume) or of a fault",
            "It still goes to a person.",
            "Consider asking J. Doe about anything used on the skin",
        ] {
            #expect(text.contains(expected), "missing: \(expected)\n\(prompt.text)")
        }
        Fixture.expectCommon(prompt, id: 4711)
    }

    @Test func aPendingEpisodeIsNotJudgedYet() {
        var alert = Self.drinking("pending", peak: 0.031, duration: 1.0, elimination: nil, end: nil)
        alert.subject = "S-0002"
        let prompt = Prompt(event: .opened, alert: alert, context: Fixture.context)
        #expect(prompt.subject == "[medium] Alcohol episode (pending) — S-0002, from 24 Oct 20:30")
        let text = Fixture.flat(prompt)
        for expected in [
            "peaked at 0.031 g/dL", "over 1.0 h", "Not classified yet (pending): the episode is still going on.",
            "at least 3.0 h and falling at most 0.060 g/dL per hour is confirmed", "Still going on at the latest data.",
            "You may want to wait for the classification",
        ] {
            #expect(text.contains(expected), "missing: \(expected)\n\(prompt.text)")
        }
        #expect(!text.contains("After the peak it fell"))
        Fixture.expectCommon(prompt, id: 4711)
    }

    /// The store reads details back through JSON: times as RFC 3339 text, a whole number
    /// of hours as an integer. The prompt is the same.
    @Test func detailsReadBackFromTheStoreGiveTheSamePrompt() throws {
        let alert = Self.drinking("confirmed", peak: 0.1064, duration: 4.0, elimination: 0.0153, end: "2026-10-24T23:30:00Z")
        var stored = alert
        stored.details = try JSONDecoder().decode([String: AlertDetail].self, from: JSONEncoder().encode(alert.details))
        #expect(stored.details["peakAt"] == .text("2026-10-24T22:00:00Z"))
        #expect(stored.details["durationHours"] == .integer(4))
        let prompt = Prompt(event: .confirmed, alert: stored, context: Fixture.context)
        #expect(prompt == Prompt(event: .confirmed, alert: alert, context: Fixture.context))
        #expect(Fixture.flat(prompt).contains("in 10 readings over 4.0 h"))
    }

    /// Rules changed by a rules file are the ones the explanation quotes.
    @Test func theThresholdsQuotedAreTheRulesInForce() {
        var context = Fixture.context
        context.rules.confirmMinimumHours = 2.5
        context.rules.confirmMaximumElimination = 0.045
        let alert = Self.drinking("unconfirmed", peak: 0.05, duration: 2.0, elimination: 0.05, end: "2026-10-24T21:30:00Z")
        let text = Fixture.flat(Prompt(event: .opened, alert: alert, context: context))
        #expect(text.contains("Unconfirmed: it lasted 2.0 h, under 2.5 h and it fell at 0.050 g/dL per hour, faster than 0.045."))
    }
}
