import TagwatchRules
import TagwatchStore
import TagwatchWorker
import Testing

/// Times are shown in UTC and in the subject's zone, with its abbreviation, right
/// across the clock changes in Europe/London (BST is UTC+1 until 01:00Z on 2026-10-25,
/// and again from 01:00Z on 2027-03-28).
@Suite struct LocalTimeTests {
    @Test(arguments: [
        ("2026-10-25T00:30:00Z", "01:30 BST, Sun 25 Oct 2026", "25 Oct 01:30"),
        ("2026-10-25T01:30:00Z", "01:30 GMT, Sun 25 Oct 2026", "25 Oct 01:30"),
        ("2027-03-28T00:30:00Z", "00:30 GMT, Sun 28 Mar 2027", "28 Mar 00:30"),
        ("2027-03-28T01:30:00Z", "02:30 BST, Sun 28 Mar 2027", "28 Mar 02:30"),
        ("2026-12-31T23:59:00Z", "23:59 GMT, Thu 31 Dec 2026", "31 Dec 23:59"),
    ])
    func aTimeIsShownInUTCAndLocally(utc: String, local: String, short: String) {
        let alert = Fixture.alert(type: "device.battery_low", severity: "low", start: utc, end: nil,
                                  details: ["lowestPercent": .integer(14)])
        let prompt = Prompt(event: .opened, alert: alert, context: Fixture.context)
        #expect(Fixture.flat(prompt).contains("Started: \(utc) (\(local))"), "\(prompt.text)")
        #expect(prompt.subject == "[low] Low battery — S-0001 J. Doe, from \(short)")
    }

    /// Another subject's zone is theirs, not London's.
    @Test func eachSubjectsOwnZone() {
        var context = Fixture.context
        context.subjects["S-0001"]?.timezone = "Europe/Paris"
        let alert = Fixture.alert(type: "device.battery_low", severity: "low", start: "2026-10-25T00:30:00Z", end: nil,
                                  details: ["lowestPercent": .integer(14)])
        // Paris is UTC+2 (CEST) until 01:00Z on 2026-10-25.
        #expect(Fixture.flat(Prompt(event: .opened, alert: alert, context: context))
            .contains("Started: 2026-10-25T00:30:00Z (02:30 CEST, Sun 25 Oct 2026)"))
    }
}
