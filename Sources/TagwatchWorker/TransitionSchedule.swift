import TagwatchCaseload

/// When an order's end becomes a prompt for its officer (rules.md, "Transition points"):
/// `transition.order_ending` 14 and 3 days before its `end`, `transition.order_ended` at
/// it. A warning that would fall before the order starts is not given (a ten-day order
/// gets the three-day warning only).
public struct TransitionPoint: Sendable, Equatable {
    public var type: String
    /// Unique per order, point and end date (`O-0001:14d@2027-01-01T12:00:00Z`), so each
    /// is raised once however late the worker catches up, and an order whose end moves
    /// gets the points of its new end.
    public var point: String
    public var order: String
    /// When it falls due.
    public var due: Int64
    /// Days left in the order when it falls due (0 at the end).
    public var daysLeft: Int
}

public enum TransitionSchedule {
    /// Days before an order's end at which its officer is warned.
    public static let warningDays = [14, 3]
    static let day: Int64 = 86_400_000

    /// The order's points, earliest first.
    public static func points(of order: Order) -> [TransitionPoint] {
        let end = Instant.rfc3339(order.end)
        let warnings = warningDays.sorted(by: >).compactMap { days -> TransitionPoint? in
            let due = order.end - Int64(days) * day
            guard due >= order.start else { return nil }
            return TransitionPoint(type: "transition.order_ending", point: "\(order.id):\(days)d@\(end)", order: order.id, due: due, daysLeft: days)
        }
        return warnings + [TransitionPoint(type: "transition.order_ended", point: "\(order.id):end@\(end)", order: order.id, due: order.end, daysLeft: 0)]
    }

    /// Every point of the caseload's orders due at `now` and not among `raised` (their
    /// `point` keys), oldest first: a worker that was down raises each it missed, once.
    public static func due(in caseload: Caseload, at now: Int64, raised: Set<String>) -> [TransitionPoint] {
        caseload.orders.flatMap(points(of:))
            .filter { $0.due <= now && !raised.contains($0.point) }
            .sorted { ($0.due, $0.point) < ($1.due, $1.point) }
    }
}
