import Foundation
import TagwatchCaseload

/// Instants as a prompt shows them: RFC 3339 in UTC, as the command line and JSON write
/// them (alerts.md), beside the local time in the subject's zone with its abbreviation
/// (caseload.md: curfew times are local), so that on the night the clocks go back in
/// London 00:30Z reads 01:30 BST and 01:30Z reads 01:30 GMT. With no zone (an alert that
/// concerns no subject), UTC alone.
struct PromptClock: Sendable {
    private let zone: TimeZone?
    private let calendar: Calendar

    /// Unknown identifiers show UTC alone, as no zone does.
    init(timeZone identifier: String?) {
        zone = identifier.flatMap(TimeZone.init(identifier:))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone ?? TimeZone(secondsFromGMT: 0)!
        self.calendar = calendar
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    /// Abbreviations as British English writes them (GMT and BST for London).
    private static let names = Locale(identifier: "en_GB")

    /// `2026-10-25T00:30:00Z (01:30 BST, Sun 25 Oct 2026)`.
    func full(_ milliseconds: Int64) -> String {
        guard zone != nil else { return Instant.rfc3339(milliseconds) }
        return "\(Instant.rfc3339(milliseconds)) (\(time(milliseconds)), \(date(milliseconds)))"
    }

    /// `01:30 BST`; `01:30 UTC` with no zone.
    func time(_ milliseconds: Int64) -> String {
        let date = Self.date(milliseconds)
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        guard let zone else { return "\(Self.two(parts.hour!)):\(Self.two(parts.minute!)) UTC" }
        let style: NSTimeZone.NameStyle = zone.isDaylightSavingTime(for: date) ? .shortDaylightSaving : .shortStandard
        return "\(Self.two(parts.hour!)):\(Self.two(parts.minute!)) \(zone.localizedName(for: style, locale: Self.names) ?? zone.identifier)"
    }

    /// `Sun 25 Oct 2026`, the local date.
    func date(_ milliseconds: Int64) -> String {
        let parts = calendar.dateComponents([.weekday, .day, .month, .year], from: Self.date(milliseconds))
        return "\(Self.weekdays[parts.weekday! - 1]) \(parts.day!) \(Self.months[parts.month! - 1]) \(parts.year!)"
    }

    /// `22 Nov 19:00–20:20`, `22 Nov 23:10–23 Nov 01:20`, `from 22 Nov 19:00` (ongoing),
    /// local, for subject lines; with no zone the times end in ` UTC`.
    func span(_ start: Int64, _ end: Int64?) -> String {
        let suffix = zone == nil ? " UTC" : ""
        let from = short(start)
        guard let end else { return "from \(from.day) \(from.time)\(suffix)" }
        let to = short(end)
        return "\(from.day) \(from.time)–\(to.day == from.day ? "" : to.day + " ")\(to.time)\(suffix)"
    }

    private func short(_ milliseconds: Int64) -> (day: String, time: String) {
        let parts = calendar.dateComponents([.day, .month, .year, .hour, .minute], from: Self.date(milliseconds))
        return ("\(parts.day!) \(Self.months[parts.month! - 1])", "\(Self.two(parts.hour!)):\(Self.two(parts.minute!))")
    }

    private static func date(_ milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
