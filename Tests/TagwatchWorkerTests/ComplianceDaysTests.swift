import TagwatchCaseload
import TagwatchRules
import TagwatchStore
import TagwatchWorker
import Testing

/// Days monitored and days with no confirmed alcohol or tamper episode, counted as
/// calendar days in the subject's zone (rules.md, "Transition points").
@Suite struct ComplianceDaysTests {
    @Test func atTheOrdersEndEveryEpisodeCountsOnTheLocalDaysItTouches() throws {
        let summary = try #require(ComplianceSummary(order: ComplianceFixture.order, caseload: ComplianceFixture.caseload,
                                                     alerts: ComplianceFixture.alerts, asOf: ComplianceFixture.order.end))
        // 1 Oct to 1 Jan: 31 + 30 + 31 days.
        #expect(summary.daysMonitored == 92)
        // 4, 10, 11, 24, 25 Oct, 15 Nov, 30 and 31 Dec.
        #expect(summary.daysWithoutEpisode == 92 - 8)
        // 84 / 92 = 0.91304…
        #expect(summary.percentWithoutEpisode == 91.3)
        #expect(summary.curfew == nil)
        #expect(summary.episodesByType == ["alcohol.drinking": 4, "tamper.obstruction": 1, "tamper.removal": 1, "tamper.strap": 2])
        #expect(summary.latestEpisode == ComplianceSummary.Episode(
            id: 7, type: "alcohol.drinking", start: Fixture.t("2026-12-31T20:00:00Z"), end: nil, severity: "medium"))
        #expect(summary.openAlerts == [3, 4, 6, 7])
        #expect(summary.order == "O-0002")
        #expect(summary.subject == "S-0001")
        #expect(summary.orderType == .sobriety)
        #expect(summary.timeZone == "Europe/London")
    }

    /// Fourteen days before the end: the days up to 18 Dec, and only what had started by then.
    @Test func beforeTheEndOnlyWhatHadStartedCounts() throws {
        let asOf = Fixture.t("2026-12-18T12:00:00Z")
        let summary = try #require(ComplianceSummary(order: ComplianceFixture.order, caseload: ComplianceFixture.caseload,
                                                     alerts: ComplianceFixture.alerts, asOf: asOf))
        // 1 Oct to 18 Dec: 31 + 30 + 17.
        #expect(summary.daysMonitored == 78)
        // 4, 10, 11, 24, 25 Oct and 15 Nov; 72 / 78 = 0.92307…
        #expect(summary.daysWithoutEpisode == 72)
        #expect(summary.percentWithoutEpisode == 92.3)
        #expect(summary.openAlerts == [3, 4])
        #expect(summary.latestEpisode?.id == 10)
        #expect(summary.asOf == asOf)
    }

    /// An ongoing episode runs to the summary's time: 28 Dec to 31 Dec.
    @Test func aStillOpenEpisodeTouchesEveryDayUpToTheSummary() throws {
        let open = ComplianceFixture.episode(1, "tamper.strap", "2026-12-28T23:30:00Z", nil, status: "open")
        let summary = try #require(ComplianceSummary(order: ComplianceFixture.order, caseload: ComplianceFixture.caseload,
                                                     alerts: [open], asOf: Fixture.t("2027-01-01T09:00:00Z")))
        #expect(summary.daysMonitored == 92)
        #expect(summary.daysWithoutEpisode == 88)
        // 88 / 92 = 0.95652…
        #expect(summary.percentWithoutEpisode == 95.7)
        #expect(summary.openAlerts == [1])
    }

    /// 23:30 GMT on 27 Mar to 02:30 BST on 28 Mar, across the March clock change.
    @Test func anEpisodeAcrossTheMarchChangeCountsOnBothDays() throws {
        let order = Order(id: "O-0003", subject: "S-0001", type: .sobriety,
                          start: Fixture.t("2027-03-26T12:00:00Z"), end: Fixture.t("2027-03-29T12:00:00Z"))
        let tamper = ComplianceFixture.episode(1, "tamper.removal", "2027-03-27T23:30:00Z", "2027-03-28T01:30:00Z", order: "O-0003")
        let summary = try #require(ComplianceSummary(order: order, caseload: ComplianceFixture.caseload, alerts: [tamper], asOf: order.end))
        // 26, 27 and 28 Mar.
        #expect(summary.daysMonitored == 3)
        #expect(summary.daysWithoutEpisode == 1)
        #expect(summary.percentWithoutEpisode == 33.3)
    }

    @Test func noEpisodesAtAllIsAHundredPercent() throws {
        let summary = try #require(ComplianceSummary(order: ComplianceFixture.order, caseload: ComplianceFixture.caseload,
                                                     alerts: [], asOf: ComplianceFixture.order.end))
        #expect(summary.daysWithoutEpisode == 92)
        #expect(summary.percentWithoutEpisode == 100.0)
        #expect(summary.episodesByType.isEmpty)
        #expect(summary.latestEpisode == nil)
        #expect(summary.openAlerts.isEmpty)
    }

    /// The first day is not over yet, or the order has not started: no percentage.
    @Test func beforeAWholeDayThereIsNoPercentage() throws {
        for asOf in ["2026-10-01T20:00:00Z", "2026-09-20T00:00:00Z"] {
            let summary = try #require(ComplianceSummary(order: ComplianceFixture.order, caseload: ComplianceFixture.caseload,
                                                         alerts: [], asOf: Fixture.t(asOf)))
            #expect(summary.daysMonitored == 0)
            #expect(summary.daysWithoutEpisode == 0)
            #expect(summary.percentWithoutEpisode == nil)
        }
    }

    @Test func anOrderWhoseSubjectIsUnknownHasNoSummary() {
        var order = ComplianceFixture.order
        order.subject = "S-9999"
        #expect(ComplianceSummary(order: order, caseload: ComplianceFixture.caseload, alerts: [], asOf: order.end) == nil)
    }
}
