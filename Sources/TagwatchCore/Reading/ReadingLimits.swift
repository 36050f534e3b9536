/// The time window a reading's `t` must fall in (streams.md §4): not before
/// 2000-01-01, and not more than 5 minutes ahead of the wall clock.
///
/// The core never reads a clock: the caller passes the wall clock in.
public struct ReadingLimits: Sendable, Equatable {
    /// 2000-01-01T00:00:00Z in milliseconds.
    public static let earliestTime: Int64 = 946_684_800_000
    /// How far ahead of the wall clock a device's clock may run.
    public static let clockTolerance: Int64 = 5 * 60 * 1000

    /// The latest `t` accepted.
    public var latestTime: Int64

    /// Limits for a wall clock reading `wallClock` milliseconds since the epoch.
    public init(wallClock: Int64) {
        latestTime = wallClock + Self.clockTolerance
    }

    @inlinable
    public func accepts(time: Int64) -> Bool {
        time >= Self.earliestTime && time <= latestTime
    }

    /// The detail given when `time` is outside the window.
    func clockDetail(_ time: Int64) -> String {
        time < Self.earliestTime
            ? "t=\(time) is before 2000-01-01"
            : "t=\(time) is more than 5 minutes ahead of the wall clock"
    }
}
