import TagwatchCaseload
import TagwatchRules
import TagwatchStore
import TagwatchWorker
import Testing

/// Who a prompt is for and the line that says why it comes now.
@Suite struct PromptEventTests {
    static let absence = Fixture.alert(
        type: "curfew.absence", start: "2026-11-22T19:00:00Z", end: "2026-11-22T20:20:00Z", raisedAt: "2026-11-22T19:10:00Z",
        details: ["minutesAbsent": .integer(80), "pattern": .text("during"),
                  "curfewFrom": .time(Fixture.t("2026-11-22T19:00:00Z")), "curfewTo": .time(Fixture.t("2026-11-23T07:00:00Z"))])

    @Test func anOpenedAlertGoesToTheSubjectsOfficer() {
        #expect(PromptAudience(event: .opened, alert: Self.absence) == .officer("PO-17"))
        let prompt = Prompt(event: .opened, alert: Self.absence, context: Fixture.context)
        #expect(prompt.text.hasPrefix("For Sam Okafor (PO-17).\nTagwatch opened alert 4711 (high).\n"))
    }

    @Test func anEscalationGoesToTheCentreWithItsDeadline() {
        #expect(PromptAudience(event: .escalated, alert: Self.absence) == .centre)
        let prompt = Prompt(event: .escalated, alert: Self.absence, context: Fixture.context)
        #expect(prompt.subject == "[high, escalated] Curfew absence — S-0001 J. Doe, 22 Nov 19:00–20:20")
        #expect(prompt.text.hasPrefix("For the duty contact of North monitoring centre.\n"))
        #expect(Fixture.flat(prompt).contains(
            "Alert 4711 (high) has not been acknowledged within 1 h of being raised at 2026-11-22T19:10:00Z"
                + " (19:10 GMT, Sun 22 Nov 2026), so it comes to the centre's duty contact."))
        Fixture.expectCommon(prompt, id: 4711)
    }

    @Test func theDeadlinesAreTheSpecs() {
        #expect(AcknowledgementDeadline.minutes(for: .critical) == 15)
        #expect(AcknowledgementDeadline.minutes(for: .high) == 60)
        #expect(AcknowledgementDeadline.minutes(for: .medium) == 1440)
        #expect(AcknowledgementDeadline.minutes(for: .low) == nil)
        var critical = Self.absence
        critical.severity = "critical"
        #expect(Fixture.flat(Prompt(event: .escalated, alert: critical, context: Fixture.context)).contains("within 15 min of being raised"))
        var medium = Self.absence
        medium.severity = "medium"
        #expect(Fixture.flat(Prompt(event: .escalated, alert: medium, context: Fixture.context)).contains("within 24 h of being raised"))
        var low = Self.absence
        low.severity = "low"
        #expect(Fixture.flat(Prompt(event: .escalated, alert: low, context: Fixture.context))
            .contains("Alert 4711 has not been acknowledged, so it comes to the centre's duty contact."))
    }

    /// Names the caseload lacks are replaced by ids, never left blank.
    @Test func peopleUnknownToTheContextAreNamedByRole() {
        let empty = PromptContext()
        #expect(Prompt(event: .opened, alert: Self.absence, context: empty).text.hasPrefix("For officer PO-17.\n"))
        #expect(Prompt(event: .escalated, alert: Self.absence, context: empty).text.hasPrefix("For the monitoring centre's duty contact.\n"))
        let prompt = Prompt(event: .opened, alert: Self.absence, context: empty)
        #expect(prompt.subject == "[high] Curfew absence — S-0001, 22 Nov 19:00–20:20 UTC")
        #expect(Fixture.flat(prompt).contains("You may want to ask S-0001 about that time"))
    }

    /// A type this version does not know still reaches a person, its figures as recorded.
    @Test func anUnknownTypeShowsItsFiguresAsRecorded() {
        let alert = Fixture.alert(type: "gps.exclusion_zone", start: "2026-11-22T19:00:00Z", end: nil,
                                  details: ["zone": .text("Z-4"), "metres": .integer(120)])
        let prompt = Prompt(event: .opened, alert: alert, context: Fixture.context)
        #expect(prompt.subject == "[high] gps.exclusion_zone — S-0001 J. Doe, from 22 Nov 19:00")
        #expect(Fixture.flat(prompt).contains("Alert of type gps.exclusion_zone from RF-001932: metres 120, zone Z-4."))
        Fixture.expectCommon(prompt, id: 4711)
    }

    @Test func theContextFromACaseloadKnowsItsPeople() {
        let caseload = Caseload(centre: Fixture.centre, officers: [Fixture.officer], subjects: [Fixture.doe], orders: [], devices: [])
        let context = PromptContext(caseload: caseload, timeZone: "Europe/London")
        #expect(context.centre == Fixture.centre)
        #expect(context.officers["PO-17"] == Fixture.officer)
        #expect(context.subjects["S-0001"] == Fixture.doe)
        #expect(context.timeZone == "Europe/London")
        #expect(Prompt(event: .opened, alert: Self.absence, context: context) == Prompt(event: .opened, alert: Self.absence, context: Fixture.context))
    }
}
