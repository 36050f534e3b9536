import TagwatchCaseload

/// A subject's curfew intervals (rules.md: the order's windows in the subject's time
/// zone, cut to the order, minus authorised absences), worked out a stretch at a time
/// and kept, since a curfew tag asks about the same evenings once a minute.
final class CurfewCalendar {
    private let orders: [Order]
    private let clock: LocalClock
    private let absences: [AuthorisedAbsence]
    /// The stretch `intervals` was worked out for; intervals there are whole (none is
    /// cut by the stretch's edges), so closing times are true ones.
    private var covered = TimeSpan(0, 0)
    private var intervals: [TimeSpan] = []

    static let day: Int64 = 86_400_000

    init(orders: [Order], clock: LocalClock, absences: [AuthorisedAbsence]) {
        self.orders = orders
        self.clock = clock
        self.absences = absences
    }

    /// The curfew intervals that overlap `span`, whole (not cut to `span`), in order.
    func intervals(overlapping span: TimeSpan) -> ArraySlice<TimeSpan> {
        if span.start < covered.start || span.end > covered.end { cover(span) }
        var low = 0, high = intervals.count
        while low < high {
            let middle = (low + high) / 2
            if intervals[middle].end <= span.start { low = middle + 1 } else { high = middle }
        }
        var end = low
        while end < intervals.count, intervals[end].start < span.end { end += 1 }
        return intervals[low..<end]
    }

    /// Milliseconds of curfew time inside `span`.
    func curfewTime(in span: TimeSpan) -> Int64 {
        guard span.start < span.end else { return 0 }
        return intervals(overlapping: span).reduce(0) { total, interval in
            total + min(interval.end, span.end) - max(interval.start, span.start)
        }
    }

    /// Works out the intervals around `span` and two days past it: a daily batch needs
    /// one stretch per subject, and a replay of weeks works one out every two days (each
    /// costs a time-zone conversion per window and day, for every subject, every batch).
    private func cover(_ span: TimeSpan) {
        var range = TimeSpan(span.start - 2 * Self.day, max(span.end, span.start + 2 * Self.day) + 2 * Self.day)
        // Widen until no interval touches an edge: an interval cut there would close early.
        for _ in 0..<64 {
            intervals = orders.flatMap { CurfewIntervals.intervals(of: $0, clock: clock, absences: absences, within: range) }
            intervals = CurfewIntervals.merge(intervals)
            let touchesStart = intervals.first.map { $0.start <= range.start } ?? false
            let touchesEnd = intervals.last.map { $0.end >= range.end } ?? false
            guard touchesStart || touchesEnd else { break }
            if touchesStart { range.start -= 7 * Self.day }
            if touchesEnd { range.end += 7 * Self.day }
        }
        covered = TimeSpan(range.start + Self.day, range.end - Self.day)
    }
}
