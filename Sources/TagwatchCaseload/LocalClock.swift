import Foundation

/// Local dates and clock times in a subject's IANA time zone, turned into instants the
/// way caseload.md says: a local time that does not exist (spring forward) means the first
/// instant after the gap; one that occurs twice (fall back) means its first occurrence.
public struct LocalClock: Sendable {
    private let zone: TimeZone

    /// Nil when `identifier` is not a known IANA time zone.
    public init?(timeZone identifier: String) {
        guard KnownTimeZones.contains(identifier), let zone = TimeZone(identifier: identifier) else { return nil }
        self.zone = zone
    }

    /// Local days since 1970-01-01 of the local date at instant `milliseconds`.
    public func localDay(at milliseconds: Int64) -> Int {
        let seconds = milliseconds / 1000 + Int64(offset(at: milliseconds / 1000))
        return Int((seconds - (seconds % 86_400 + 86_400) % 86_400) / 86_400)
    }

    /// The instant, in milliseconds, of `minutes` after local midnight on local day `day`
    /// (days since 1970-01-01).
    public func instant(day: Int, minutes: Int) -> Int64 {
        let naive = Int64(day) * 86_400 + Int64(minutes) * 60
        let before = offset(at: naive - 86_400)
        let after = offset(at: naive + 86_400)
        // The instants that read as this local time under the offsets in force a day
        // either side; the earliest that does is it. No collections: this runs for every
        // curfew window of every device in every batch.
        var earliest: Int64? = offset(at: naive - Int64(before)) == before ? naive - Int64(before) : nil
        if after != before, offset(at: naive - Int64(after)) == after {
            earliest = min(earliest ?? naive - Int64(after), naive - Int64(after))
        }
        if let earliest { return earliest * 1000 }
        // In a gap: the first instant after it is the transition itself.
        let transition = zone.nextDaylightSavingTimeTransition(after: Date(timeIntervalSince1970: Double(naive - Int64(after) - 1)))
        return Int64((transition?.timeIntervalSince1970 ?? Double(naive - Int64(before))).rounded()) * 1000
    }

    /// The weekday of local day `day`.
    public static func weekday(ofDay day: Int) -> Weekday {
        // 1970-01-01 was a Thursday.
        Weekday.allCases[((day + 3) % 7 + 7) % 7]
    }

    private func offset(at seconds: Int64) -> Int {
        zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds)))
    }
}
