import Foundation
import TagwatchCaseload
import Testing

@Suite struct InstantTests {
    @Test(arguments: [
        "2026-10-01T12:00:00Z", "2026-03-29T00:59:59Z", "2024-02-29T23:59:59Z", "2000-01-01T00:00:00Z",
        "1999-12-31T23:59:59Z", "2026-10-25T01:30:00+01:00", "2026-11-22T19:05:00-05:30", "2100-03-01T00:00:00Z",
    ])
    func agreesWithFoundationsParser(text: String) throws {
        let expected = try #require(ISO8601DateFormatter().date(from: text))
        #expect(Instant.milliseconds(rfc3339: text) == Int64(expected.timeIntervalSince1970 * 1000))
    }

    @Test func keepsMilliseconds() {
        #expect(Instant.milliseconds(rfc3339: "1970-01-01T00:00:01.5Z") == 1500)
        #expect(Instant.milliseconds(rfc3339: "1970-01-01T00:00:00.123456Z") == 123)
    }

    @Test(arguments: [
        "2026-10-01T12:00:00", "2026-10-01 12:00:00Z", "2026-02-30T12:00:00Z", "2026-13-01T12:00:00Z",
        "2026-10-01T24:00:00Z", "2026-10-01T12:00:00+0100", "2026-10-01T12:00:00.Z", "26-10-01T12:00:00Z", "",
    ])
    func refusesWhatIsNotRFC3339WithAnOffset(text: String) {
        #expect(Instant.milliseconds(rfc3339: text) == nil)
    }

    @Test func clockTimesAreHoursAndMinutesOfADay() {
        #expect(ClockTime("00:00")?.minutes == 0)
        #expect(ClockTime("23:59")?.minutes == 23 * 60 + 59)
        for bad in ["24:00", "7:00", "07:60", "07-00", "0700", "ab:cd", ""] { #expect(ClockTime(bad) == nil, "\(bad)") }
    }
}
