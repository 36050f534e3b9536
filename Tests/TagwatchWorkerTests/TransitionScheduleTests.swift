import TagwatchCaseload
import TagwatchWorker
import Testing

/// rules.md, "Transition points": 14 and 3 days before an order's end, and at its end;
/// each once, however late the worker looks.
@Suite struct TransitionScheduleTests {
    static let day: Int64 = 86_400_000
    static let end = Instant.milliseconds(rfc3339: "2027-01-01T12:00:00Z")!

    /// A point key with its order's end written out, as the schedule writes it.
    static func atEnd(_ key: String) -> String { key.replacingOccurrences(of: "@E", with: "@2027-01-01T12:00:00Z") }

    static func caseload(_ orders: [Order]) -> Caseload {
        Caseload(officers: [], subjects: [], orders: orders, devices: [])
    }

    @Test func anOrderHasItsTwoWarningsAndItsEnd() {
        let order = Order(id: "O-1", subject: "S-1", type: .curfew, start: Self.end - 90 * Self.day, end: Self.end)
        let points = TransitionSchedule.points(of: order)
        #expect(points.map(\.point) == ["O-1:14d@E", "O-1:3d@E", "O-1:end@E"].map(Self.atEnd))
        #expect(points.map(\.type) == ["transition.order_ending", "transition.order_ending", "transition.order_ended"])
        #expect(points.map(\.due) == [Instant.milliseconds(rfc3339: "2026-12-18T12:00:00Z")!,
                                      Instant.milliseconds(rfc3339: "2026-12-29T12:00:00Z")!, Self.end])
        #expect(points.map(\.daysLeft) == [14, 3, 0])
    }

    @Test func aWarningBeforeTheOrderStartsIsNotGiven() {
        let tenDays = Order(id: "O-2", subject: "S-1", type: .sobriety, start: Self.end - 10 * Self.day, end: Self.end)
        #expect(TransitionSchedule.points(of: tenDays).map(\.point) == ["O-2:3d@E", "O-2:end@E"].map(Self.atEnd))
        let exactly14 = Order(id: "O-3", subject: "S-1", type: .sobriety, start: Self.end - 14 * Self.day, end: Self.end)
        #expect(TransitionSchedule.points(of: exactly14).map(\.point) == ["O-3:14d@E", "O-3:3d@E", "O-3:end@E"].map(Self.atEnd))
    }

    @Test func aPointIsDueFromItsInstantAndNotOnceRaised() {
        let order = Order(id: "O-1", subject: "S-1", type: .curfew, start: Self.end - 90 * Self.day, end: Self.end)
        let caseload = Self.caseload([order])
        let fourteen = Self.end - 14 * Self.day
        #expect(TransitionSchedule.due(in: caseload, at: fourteen - 1, raised: []).isEmpty)
        #expect(TransitionSchedule.due(in: caseload, at: fourteen, raised: []).map(\.point) == ["O-1:14d@E"].map(Self.atEnd))
        #expect(TransitionSchedule.due(in: caseload, at: fourteen + Self.day, raised: Set(["O-1:14d@E"].map(Self.atEnd))).isEmpty)
        // Down from before the first warning until after the end: all three, oldest first.
        #expect(TransitionSchedule.due(in: caseload, at: Self.end + 5 * Self.day, raised: []).map(\.point)
                == ["O-1:14d@E", "O-1:3d@E", "O-1:end@E"].map(Self.atEnd))
        #expect(TransitionSchedule.due(in: caseload, at: Self.end + 5 * Self.day, raised: Set(["O-1:14d@E", "O-1:3d@E"].map(Self.atEnd))).map(\.point)
                == ["O-1:end@E"].map(Self.atEnd))
    }

    @Test func anOrderWhoseEndMovesGetsThePointsOfItsNewEnd() {
        var order = Order(id: "O-1", subject: "S-1", type: .curfew, start: Self.end - 90 * Self.day, end: Self.end)
        let raised = Set(TransitionSchedule.points(of: order).prefix(1).map(\.point))
        order.end += 30 * Self.day
        let due = TransitionSchedule.due(in: Self.caseload([order]), at: order.end - 14 * Self.day, raised: raised)
        #expect(due.map(\.point) == ["O-1:14d@2027-01-31T12:00:00Z"])
    }
}
