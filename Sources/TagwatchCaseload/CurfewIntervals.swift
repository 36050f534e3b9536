/// A half-open stretch of event time in milliseconds.
public struct TimeSpan: Hashable, Sendable, CustomStringConvertible {
    public var start: Int64
    public var end: Int64

    public init(_ start: Int64, _ end: Int64) {
        self.start = start
        self.end = end
    }

    public var description: String { "[\(start), \(end))" }
}

/// The curfew intervals of an order (rules.md, curfew orders): its windows in the
/// subject's local time, cut to the order's start and end, minus authorised absences.
public enum CurfewIntervals {
    /// The intervals that overlap `range`, sorted and disjoint (windows that meet or
    /// overlap are one interval), each cut to `range`.
    public static func intervals(of order: Order, clock: LocalClock, absences: [AuthorisedAbsence], within range: TimeSpan) -> [TimeSpan] {
        let from = max(range.start, order.start)
        let to = min(range.end, order.end)
        guard from < to, order.type == .curfew else { return [] }
        var windows: [TimeSpan] = []
        // A window that starts the day before `from` can still be open at it.
        for day in (clock.localDay(at: from) - 1)...clock.localDay(at: to) {
            let weekday = LocalClock.weekday(ofDay: day)
            for window in order.curfew where window.days.contains(weekday) {
                let start = clock.instant(day: day, minutes: window.from.minutes)
                let end = clock.instant(day: window.to < window.from ? day + 1 : day, minutes: window.to.minutes)
                if end > start { windows.append(TimeSpan(max(start, from), min(end, to))) }
            }
        }
        let merged = merge(windows.filter { $0.start < $0.end })
        let away = absences.filter { $0.subject == order.subject }.map { TimeSpan($0.from, $0.to) }
        return subtract(merge(away), from: merged)
    }

    /// `spans` sorted, with those that meet or overlap joined.
    public static func merge(_ spans: [TimeSpan]) -> [TimeSpan] {
        var result: [TimeSpan] = []
        for span in spans.sorted(by: { $0.start < $1.start }) {
            if let last = result.last, span.start <= last.end {
                result[result.count - 1].end = max(last.end, span.end)
            } else {
                result.append(span)
            }
        }
        return result
    }

    /// `spans` without the parts covered by `holes` (both sorted and disjoint).
    static func subtract(_ holes: [TimeSpan], from spans: [TimeSpan]) -> [TimeSpan] {
        var result: [TimeSpan] = []
        for span in spans {
            var start = span.start
            for hole in holes where hole.end > start && hole.start < span.end {
                if hole.start > start { result.append(TimeSpan(start, hole.start)) }
                start = max(start, hole.end)
            }
            if start < span.end { result.append(TimeSpan(start, span.end)) }
        }
        return result
    }
}
