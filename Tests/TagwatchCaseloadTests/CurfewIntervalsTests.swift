import Foundation
import TagwatchCaseload
import Testing

/// Curfew intervals in Europe/London, with the instants worked out by hand (BST is
/// UTC+1; the clocks went back at 01:00 UTC on 2026-10-25 and go forward at 01:00 UTC on
/// 2027-03-28).
@Suite struct CurfewIntervalsTests {
    static let london = LocalClock(timeZone: "Europe/London")!

    static func t(_ text: String) -> Int64 {
        Int64(ISO8601DateFormatter().date(from: text)!.timeIntervalSince1970 * 1000)
    }

    static func span(_ from: String, _ to: String) -> TimeSpan { TimeSpan(t(from), t(to)) }

    static func order(_ windows: [(Set<Weekday>, String, String)], start: String = "2026-01-01T00:00:00Z",
                      end: String = "2028-01-01T00:00:00Z", type: OrderType = .curfew) -> Order {
        Order(id: "O-1", subject: "S-1", type: type, start: t(start), end: t(end),
              curfew: windows.map { CurfewWindow(days: $0.0, from: ClockTime($0.1)!, to: ClockTime($0.2)!) }, graceMinutes: 5)
    }

    static let everyDay = Set(Weekday.allCases)

    static func intervals(_ order: Order, _ from: String, _ to: String, absences: [AuthorisedAbsence] = []) -> [TimeSpan] {
        CurfewIntervals.intervals(of: order, clock: london, absences: absences, within: span(from, to))
    }

    @Test func theNightTheClocksGoBackIsThirteenHours() {
        let result = Self.intervals(Self.order([(Self.everyDay, "19:00", "07:00")]), "2026-10-24T12:00:00Z", "2026-10-25T12:00:00Z")
        #expect(result == [Self.span("2026-10-24T18:00:00Z", "2026-10-25T07:00:00Z")])
    }

    @Test func theNightTheClocksGoForwardIsElevenHours() {
        let result = Self.intervals(Self.order([(Self.everyDay, "19:00", "07:00")]), "2027-03-27T12:00:00Z", "2027-03-28T12:00:00Z")
        #expect(result == [Self.span("2027-03-27T19:00:00Z", "2027-03-28T06:00:00Z")])
    }

    @Test func aLocalTimeInTheSpringGapMeansTheFirstInstantAfterIt() {
        // 01:30 on 2027-03-28 does not exist in London: the window opens at 02:00 BST.
        let result = Self.intervals(Self.order([([.sun], "01:30", "03:00")]), "2027-03-27T00:00:00Z", "2027-03-29T00:00:00Z")
        #expect(result == [Self.span("2027-03-28T01:00:00Z", "2027-03-28T02:00:00Z")])
    }

    @Test func aLocalTimeThatOccursTwiceMeansItsFirstOccurrence() {
        // 01:30 on 2026-10-25 happens at 00:30 UTC (BST) and again at 01:30 UTC (GMT).
        let result = Self.intervals(Self.order([([.sun], "01:30", "03:00")]), "2026-10-24T00:00:00Z", "2026-10-26T00:00:00Z")
        #expect(result == [Self.span("2026-10-25T00:30:00Z", "2026-10-25T03:00:00Z")])
    }

    @Test func weekdaysAndWeekendsFollowTheirOwnWindows() {
        // caseload.md's example: weekdays 19:00-07:00, weekends 21:00-08:00; November is GMT.
        let order = Self.order([([.mon, .tue, .wed, .thu, .fri], "19:00", "07:00"), ([.sat, .sun], "21:00", "08:00")])
        let result = Self.intervals(order, "2026-11-20T12:00:00Z", "2026-11-23T12:00:00Z")
        #expect(result == [
            Self.span("2026-11-20T19:00:00Z", "2026-11-21T07:00:00Z"),
            Self.span("2026-11-21T21:00:00Z", "2026-11-22T08:00:00Z"),
            Self.span("2026-11-22T21:00:00Z", "2026-11-23T08:00:00Z"),
        ])
    }

    @Test func authorisedAbsencesAreCutOutAndTheOrderBoundsTheIntervals() {
        let absence = AuthorisedAbsence(id: "A-1", subject: "S-1", from: Self.t("2026-11-20T20:00:00Z"), to: Self.t("2026-11-20T23:00:00Z"),
                                        reason: "hospital", approvedBy: "PO-1")
        let other = AuthorisedAbsence(id: "A-2", subject: "S-2", from: Self.t("2026-11-20T19:00:00Z"), to: Self.t("2026-11-21T07:00:00Z"),
                                      reason: "court", approvedBy: "PO-1")
        let order = Self.order([(Self.everyDay, "19:00", "07:00")], start: "2026-11-20T19:30:00Z", end: "2026-11-21T06:00:00Z")
        let result = Self.intervals(order, "2026-11-20T00:00:00Z", "2026-11-22T00:00:00Z", absences: [absence, other])
        #expect(result == [
            Self.span("2026-11-20T19:30:00Z", "2026-11-20T20:00:00Z"),
            Self.span("2026-11-20T23:00:00Z", "2026-11-21T06:00:00Z"),
        ])
    }

    @Test func aSobrietyOrderHasNoCurfew() {
        #expect(Self.intervals(Self.order([], type: .sobriety), "2026-11-20T00:00:00Z", "2026-11-22T00:00:00Z").isEmpty)
    }

    @Test func anUnknownZoneHasNoClock() {
        #expect(LocalClock(timeZone: "Mars/Olympus_Mons") == nil)
        #expect(LocalClock.weekday(ofDay: 0) == .thu)
    }
}
