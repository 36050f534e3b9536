import TagwatchCaseload

/// What a transition point carries (rules.md, "Transition points"): how an order went, in
/// figures an officer can open a conversation with. It prompts a plan for support; it
/// decides nothing, so it counts episodes and keeps no verdict.
///
/// Which alerts count: those of this order, and those of its subject with no order that
/// started within the order's period (a reading attributed before the order was known);
/// only alerts the rules raise from readings are episodes (a transition or a delivery
/// failure is not). Built by ``init(order:caseload:alerts:asOf:)``.
public struct ComplianceSummary: Sendable, Equatable {
    public var order: String
    public var subject: String
    public var orderType: OrderType
    /// The subject's IANA time zone: the days below are its calendar days.
    public var timeZone: String
    public var orderStart: Int64
    public var orderEnd: Int64
    /// The instant the summary describes the order up to (milliseconds).
    public var asOf: Int64
    /// Local calendar days from the date the order started up to, not including, the
    /// date of `min(asOf, orderEnd)`: days as people count them between two dates
    /// (1 Oct to 1 Jan is 92), so a partial first day counts and the day in progress (or
    /// the one the order ends on) does not.
    public var daysMonitored: Int
    /// Of those, the days no confirmed `alcohol.drinking` and no `tamper.*` episode
    /// touched.
    public var daysWithoutEpisode: Int
    /// `daysWithoutEpisode` as a percentage of `daysMonitored` to one decimal (half up);
    /// nil before a whole day has passed.
    public var percentWithoutEpisode: Double?
    /// Curfew time, for a curfew order; nil for a sobriety order.
    public var curfew: CurfewTime?
    /// Alerts counted, by type (`curfew.absence`: 3).
    public var episodesByType: [String: Int]
    /// The episode that started last (the higher id on a tie); nil when there is none.
    public var latestEpisode: Episode?
    /// The ids of the alerts counted that are not resolved, ascending.
    public var openAlerts: [Int64]

    /// Curfew time in whole minutes, as the rules count absences; the prompt shows hours.
    public struct CurfewTime: Sendable, Equatable, Codable {
        /// The order's curfew intervals up to `asOf`, authorised absences left out.
        public var scheduledMinutes: Int64
        /// Scheduled minus absent (alerts and short absences) minus unverified, never below zero (a caseload reloaded
        /// with fewer windows can leave absences outside today's schedule).
        public var keptMinutes: Int64
        /// The `minutesAbsent` of the order's `curfew.absence` alerts.
        public var absentMinutes: Int64
        /// The `curfewMinutesUnverified` of the order's `device.no_contact` alerts:
        /// curfew time when presence could not be checked, neither kept nor missed.
        public var unverifiedMinutes: Int64
        /// Absences under the grace (no alert, rules.md "Curfew orders"): how many, and
        /// their whole minutes, which are not kept either.
        public var shortAbsences: Int
        public var shortAbsentMinutes: Int64

        public init(scheduledMinutes: Int64, keptMinutes: Int64, absentMinutes: Int64, unverifiedMinutes: Int64,
                    shortAbsences: Int = 0, shortAbsentMinutes: Int64 = 0) {
            self.shortAbsences = shortAbsences
            self.shortAbsentMinutes = shortAbsentMinutes
            self.scheduledMinutes = scheduledMinutes
            self.keptMinutes = keptMinutes
            self.absentMinutes = absentMinutes
            self.unverifiedMinutes = unverifiedMinutes
        }
    }

    /// One episode, as the summary names it.
    public struct Episode: Sendable, Equatable {
        public var id: Int64
        public var type: String
        public var start: Int64
        public var end: Int64?
        public var severity: String

        public init(id: Int64, type: String, start: Int64, end: Int64?, severity: String) {
            self.id = id
            self.type = type
            self.start = start
            self.end = end
            self.severity = severity
        }
    }
}
