import Foundation

/// Milliseconds, the unit of `t` in streams.md, and the few calendar helpers the
/// generator needs. Samples are placed in November, when Europe/London is on UTC, so
/// local clock times equal UTC ones (daylight-saving cases are tested by hand elsewhere).
public enum SampleTime {
    public static let second: Int64 = 1000
    public static let minute: Int64 = 60 * second
    public static let hour: Int64 = 60 * minute
    public static let day: Int64 = 24 * hour

    /// 2026-11-02T00:00:00Z, a Monday: the default first day of samples.
    public static let defaultStart: Int64 = 1_793_577_600_000

    /// RFC 3339 in UTC, as the contract writes times (`2026-11-22T19:05:00Z`).
    public static func rfc3339(_ milliseconds: Int64) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
        if milliseconds % 1000 == 0 { return formatter.string(from: date) }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}

/// A half-open stretch of time in milliseconds.
public struct Span: Sendable, Hashable {
    public var start: Int64
    public var end: Int64

    public init(_ start: Int64, _ end: Int64) {
        self.start = start
        self.end = end
    }

    public func contains(_ time: Int64) -> Bool { time >= start && time < end }
}

extension Array where Element == Span {
    func covers(_ time: Int64) -> Bool { contains { $0.contains(time) } }

    /// The start and end of every span inside `window`, where readings "on change" go.
    func changes(in window: Span) -> [Int64] {
        flatMap { [$0.start, $0.end] }.filter { window.contains($0) }
    }
}
