import TagwatchCaseload
import TagwatchRules
import TagwatchStore
import TagwatchWorker
import Testing

/// Transition prompts carry the compliance summary and prompt a conversation about
/// support; delivery failures tell the centre what did not arrive.
@Suite struct TransitionPromptTests {
    static func transition(_ type: String, raisedAt: String) -> StoredAlert {
        Fixture.alert(id: 900, type: type, severity: "medium", order: "O-0002", device: "TAC-000417",
                      start: raisedAt, end: nil, streams: [])
    }

    static let supportSentence = "This is a prompt to talk about support after the order ends, not a decision."

    @Test func theEndOfAnOrderCarriesItsSummary() throws {
        let summary = try #require(ComplianceSummary(order: ComplianceFixture.order, caseload: ComplianceFixture.caseload,
                                                     alerts: ComplianceFixture.alerts, asOf: ComplianceFixture.order.end))
        let alert = Self.transition("transition.order_ended", raisedAt: "2027-01-01T12:00:00Z")
        let prompt = Prompt(event: .transition(summary), alert: alert, context: Fixture.context)
        #expect(prompt.subject == "[medium] Order ended — S-0001 J. Doe, order O-0002, ended Fri 1 Jan 2027")
        #expect(PromptAudience(event: .transition(summary), alert: alert) == .officer("PO-17"))
        let text = Fixture.flat(prompt)
        for expected in [
            "For Sam Okafor (PO-17).",
            "Order O-0002 reaches a transition point: a prompt to plan support.",
            "Order O-0002 (sobriety) of J. Doe ended at 2027-01-01T12:00:00Z (12:00 GMT, Fri 1 Jan 2027)."
                + " It started at 2026-10-01T12:00:00Z (13:00 BST, Thu 1 Oct 2026).",
            "Compliance summary",
            "days are calendar days in Europe/London",
            "Over 92 days monitored, 84 days (91.3 %) had no confirmed alcohol or tamper episode.",
            "Alerts from its readings, by type: alcohol.drinking 4, tamper.obstruction 1, tamper.removal 1, tamper.strap 2.",
            "The latest began at 2026-12-31T20:00:00Z (20:00 GMT, Thu 31 Dec 2026): alcohol.drinking, medium, alert 7.",
            "4 alerts not yet resolved: 3, 4, 6, 7.",
            "You may want to contact J. Doe about support now that monitoring has stopped",
            Self.supportSentence,
        ] {
            #expect(text.contains(expected), "missing: \(expected)\n\(prompt.text)")
        }
        #expect(!text.contains("readings seq"))
        Fixture.expectCommon(prompt, id: 900)
    }

    @Test func fourteenDaysBeforeTheEndSaysHowLongIsLeft() throws {
        let asOf = Fixture.t("2026-12-18T12:00:00Z")
        let summary = try #require(ComplianceSummary(order: ComplianceFixture.order, caseload: ComplianceFixture.caseload,
                                                     alerts: ComplianceFixture.alerts, asOf: asOf))
        let prompt = Prompt(event: .transition(summary), alert: Self.transition("transition.order_ending", raisedAt: "2026-12-18T12:00:00Z"),
                            context: Fixture.context)
        #expect(prompt.subject == "[medium] Order ending — S-0001 J. Doe, order O-0002, ends Fri 1 Jan 2027")
        let text = Fixture.flat(prompt)
        for expected in [
            "ends at 2027-01-01T12:00:00Z (12:00 GMT, Fri 1 Jan 2027), in 14 days.",
            "Over 78 days monitored, 72 days (92.3 %) had no confirmed alcohol or tamper episode.",
            "2 alerts not yet resolved: 3, 4.",
            "You may want to plan a conversation with J. Doe about support once monitoring stops",
            Self.supportSentence,
        ] {
            #expect(text.contains(expected), "missing: \(expected)\n\(prompt.text)")
        }
        Fixture.expectCommon(prompt, id: 900)
    }

    @Test func aCurfewOrdersSummaryShowsItsHours() throws {
        var summary = try #require(ComplianceSummary(order: ComplianceFixture.order, caseload: ComplianceFixture.caseload,
                                                     alerts: [], asOf: ComplianceFixture.order.end))
        summary.curfew = ComplianceSummary.CurfewTime(scheduledMinutes: 2100, keptMinutes: 1944, absentMinutes: 105, unverifiedMinutes: 45,
                                                      shortAbsences: 2, shortAbsentMinutes: 6)
        let prompt = Prompt(event: .transition(summary), alert: Self.transition("transition.order_ended", raisedAt: "2027-01-01T12:00:00Z"),
                            context: Fixture.context)
        let text = Fixture.flat(prompt)
        // 1944 min = 32.4 h, 2100 = 35.0, 105 = 1.75 (shown 1.8), 6 = 0.1, 45 = 0.75 (shown 0.8).
        #expect(text.contains("Curfew: 32.4 h kept of 35.0 h scheduled (authorised absences left out); 1.8 h out of range"
            + " in curfew absence alerts, 0.1 h in 2 short absences within the grace (no alert), and 0.8 h unverified,"
            + " when the tag was not heard."), "\(prompt.text)")
        #expect(text.contains("Over 92 days monitored, 92 days (100.0 %) had no confirmed alcohol or tamper episode."))
        #expect(text.contains("No alert was raised from the order's readings."))
    }

    @Test func aTransitionWithoutItsSummarySaysSo() {
        let prompt = Prompt(event: .opened, alert: Self.transition("transition.order_ending", raisedAt: "2026-12-18T12:00:00Z"),
                            context: Fixture.context)
        #expect(prompt.subject == "[medium] Order ending — S-0001 J. Doe, order O-0002")
        let text = Fixture.flat(prompt)
        #expect(text.contains("Order O-0002 of J. Doe is ending."))
        #expect(text.contains("No compliance summary came with this prompt; `tagwatch alerts --subject S-0001` lists the subject's alerts."))
        #expect(text.contains("Raised: 2026-12-18T12:00:00Z (12:00 GMT, Fri 18 Dec 2026)"))
        Fixture.expectCommon(prompt, id: 900)
    }

    @Test func aDeadLetterTellsTheCentreWhatDidNotArrive() {
        let failed = Fixture.alert(
            id: 950, type: "system.delivery_failed", start: "2026-11-23T02:00:00Z", end: nil,
            details: ["event": .text("opened"), "alert": .integer(4711), "recipient": .text("PO-17"), "channel": .text("webhook"),
                      "attempts": .integer(20), "lastError": .text("HTTP 503 Service Unavailable")],
            streams: [])
        let prompt = Prompt(event: .deliveryFailed, alert: failed, context: Fixture.context)
        #expect(prompt.subject == "[high] Prompt not delivered — alert 4711 for PO-17")
        #expect(PromptAudience(event: .deliveryFailed, alert: failed) == .centre)
        let text = Fixture.flat(prompt)
        for expected in [
            "For the duty contact of North monitoring centre.",
            "A prompt could not be delivered; alert 950 records it for the centre.",
            "A prompt (event opened) about alert 4711 for PO-17 could not be delivered by webhook after 20 attempts",
            "The last attempt ended with: HTTP 503 Service Unavailable.",
            "To see the alert the prompt was about: tagwatch alerts show 4711",
            "You may want to pass alert 4711 to PO-17 another way",
        ] {
            #expect(text.contains(expected), "missing: \(expected)\n\(prompt.text)")
        }
        Fixture.expectCommon(prompt, id: 950)

        var summary = failed
        summary.details["alert"] = nil
        #expect(Prompt(event: .deliveryFailed, alert: summary, context: Fixture.context).subject
                == "[high] Prompt not delivered — a daily summary for PO-17")
    }
}
