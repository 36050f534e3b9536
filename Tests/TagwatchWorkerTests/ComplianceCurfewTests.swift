import TagwatchCaseload
import TagwatchRules
import TagwatchStore
import TagwatchWorker
import Testing

/// Curfew hours kept: the order's intervals up to the summary (authorised absences left
/// out) minus minutes absent and minutes unverified, across the clock changes in
/// Europe/London, where a 19:00–07:00 window is 13 h on the October night and 11 h on
/// the March night.
@Suite struct ComplianceCurfewTests {
    static func curfew(_ id: String, _ start: String, _ end: String) -> Order {
        Order(id: id, subject: "S-0001", type: .curfew, start: Fixture.t(start), end: Fixture.t(end),
              curfew: [CurfewWindow(days: Set(Weekday.allCases), from: ClockTime("19:00")!, to: ClockTime("07:00")!)])
    }

    static func caseload(_ order: Order, absences: [AuthorisedAbsence] = []) -> Caseload {
        Caseload(officers: [Fixture.officer], subjects: [Fixture.doe], orders: [order], devices: [], absences: absences)
    }

    static func alert(_ id: Int64, _ type: String, _ key: String, _ minutes: Int64, order: String = "O-0001") -> StoredAlert {
        Fixture.alert(id: id, type: type, order: order, start: "2026-10-24T20:00:00Z", end: "2026-10-24T21:00:00Z",
                      details: [key: .integer(minutes)])
    }

    @Test func theOctoberNightIsThirteenHours() throws {
        let order = Self.curfew("O-0001", "2026-10-23T12:00:00Z", "2026-10-27T12:00:00Z")
        // Authorised: 20:00Z to 22:00Z on 25 Oct, 2 h of that night's curfew.
        let hospital = AuthorisedAbsence(id: "A-1", subject: "S-0001", from: Fixture.t("2026-10-25T20:00:00Z"),
                                         to: Fixture.t("2026-10-25T22:00:00Z"), reason: "hospital", approvedBy: "PO-17")
        let alerts = [
            Self.alert(1, "curfew.absence", "minutesAbsent", 80),
            Self.alert(2, "curfew.absence", "minutesAbsent", 25),
            Self.alert(3, "device.no_contact", "curfewMinutesUnverified", 45),
            Self.alert(4, "device.no_contact", "curfewMinutesUnverified", 0),
            Self.alert(5, "curfew.absence", "minutesAbsent", 600, order: "O-OTHER"),
        ]
        let summary = try #require(ComplianceSummary(order: order, caseload: Self.caseload(order, absences: [hospital]),
                                                     alerts: alerts, asOf: Fixture.t("2026-10-26T12:00:00Z")))
        // 23 Oct 18:00Z–24 Oct 06:00Z: 12 h (BST); 24 Oct 18:00Z–25 Oct 07:00Z: 13 h (the
        // clocks go back); 25 Oct 19:00Z–26 Oct 07:00Z: 12 h less the 2 h authorised.
        let scheduled: Int64 = (12 + 13 + 10) * 60
        #expect(summary.curfew == ComplianceSummary.CurfewTime(
            scheduledMinutes: scheduled, keptMinutes: scheduled - 105 - 45, absentMinutes: 105, unverifiedMinutes: 45))
        // 23, 24 and 25 Oct, none touched by a tamper or confirmed alcohol episode.
        #expect(summary.daysMonitored == 3)
        #expect(summary.percentWithoutEpisode == 100.0)
        #expect(summary.episodesByType == ["curfew.absence": 2, "device.no_contact": 2])
    }

    @Test func theMarchNightIsElevenHours() throws {
        let order = Self.curfew("O-0001", "2027-03-26T12:00:00Z", "2027-03-29T12:00:00Z")
        let whole = try #require(ComplianceSummary(order: order, caseload: Self.caseload(order), alerts: [], asOf: order.end))
        // 26 Mar 19:00Z–27 Mar 07:00Z: 12 h; 27 Mar 19:00Z–28 Mar 06:00Z: 11 h (the clocks
        // go forward); 28 Mar 18:00Z–29 Mar 06:00Z: 12 h.
        #expect(whole.curfew?.scheduledMinutes == Int64(35 * 60))
        #expect(whole.curfew?.keptMinutes == Int64(35 * 60))
        // Up to 03:00Z on 28 Mar: 12 h and 8 h of the short night.
        let midnight = try #require(ComplianceSummary(order: order, caseload: Self.caseload(order), alerts: [],
                                                      asOf: Fixture.t("2027-03-28T03:00:00Z")))
        #expect(midnight.curfew?.scheduledMinutes == Int64(20 * 60))
    }

    /// A caseload reloaded with fewer windows can leave absences beyond today's schedule:
    /// kept time stops at zero.
    @Test func keptTimeIsNeverNegative() throws {
        let order = Self.curfew("O-0001", "2026-10-23T12:00:00Z", "2026-10-27T12:00:00Z")
        let summary = try #require(ComplianceSummary(order: order, caseload: Self.caseload(order),
                                                     alerts: [Self.alert(1, "curfew.absence", "minutesAbsent", 5000)],
                                                     asOf: Fixture.t("2026-10-25T12:00:00Z")))
        // 12 h and the 13 h night the clocks go back.
        #expect(summary.curfew?.scheduledMinutes == Int64(25 * 60))
        #expect(summary.curfew?.absentMinutes == Int64(5000))
        #expect(summary.curfew?.keptMinutes == Int64(0))
    }

    /// rules.md: absences under the grace raise no alert but count in the summary; one
    /// after the summary's instant does not.
    @Test func shortAbsencesAreCountedAndNotKept() throws {
        let order = Self.curfew("O-0001", "2026-10-23T12:00:00Z", "2026-10-27T12:00:00Z")
        let short = [TimeSpan(Fixture.t("2026-10-23T20:00:00Z"), Fixture.t("2026-10-23T20:05:00Z")),
                     TimeSpan(Fixture.t("2026-10-24T05:58:30Z"), Fixture.t("2026-10-24T06:00:00Z")),
                     TimeSpan(Fixture.t("2026-10-26T20:00:00Z"), Fixture.t("2026-10-26T20:03:00Z"))]
        let summary = try #require(ComplianceSummary(order: order, caseload: Self.caseload(order), alerts: [],
                                                     shortAbsences: short, asOf: Fixture.t("2026-10-26T12:00:00Z")))
        // 12 + 13 + 12 h scheduled; 5 min and 1 (of 1.5) min short, in two absences.
        let scheduled: Int64 = (12 + 13 + 12) * 60
        #expect(summary.curfew == ComplianceSummary.CurfewTime(
            scheduledMinutes: scheduled, keptMinutes: scheduled - 6, absentMinutes: 0, unverifiedMinutes: 0,
            shortAbsences: 2, shortAbsentMinutes: 6))
    }
}
