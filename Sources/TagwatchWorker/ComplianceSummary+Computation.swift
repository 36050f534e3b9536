import TagwatchCaseload
import TagwatchRules
import TagwatchStore

extension ComplianceSummary {
    /// The summary of `order` up to `asOf` (capped at the order's end), from its
    /// subject's alerts (others are ignored) as they stand now. Nil when `caseload` lacks
    /// the order's subject or knows no such time zone, which a checked caseload never
    /// does. Alerts that started after `asOf` are left out, so a summary made late still
    /// describes the order up to its transition point. `shortAbsences` are the order's
    /// absences under the grace (no alert; rules.md counts them here).
    public init?(order: Order, caseload: Caseload, alerts: [StoredAlert], shortAbsences: [TimeSpan] = [], asOf: Int64) {
        guard let subject = caseload.subjects.first(where: { $0.id == order.subject }),
              let clock = LocalClock(timeZone: subject.timezone) else { return nil }
        let until = min(max(asOf, order.start), order.end)
        let counted = alerts.filter { Self.counts($0, of: order, asOf: asOf) }
        let days = clock.localDay(at: until) - clock.localDay(at: order.start)
        let marked = Self.daysTouched(by: counted.filter(Self.marksDay), order: order, until: until, clock: clock)
        self.order = order.id
        self.subject = subject.id
        orderType = order.type
        timeZone = subject.timezone
        orderStart = order.start
        orderEnd = order.end
        self.asOf = asOf
        daysMonitored = days
        daysWithoutEpisode = days - marked
        // Tenths rounded half up, in integers: 88 of 92 days is 95.7.
        percentWithoutEpisode = days > 0 ? Double(((days - marked) * 2000 + days) / (2 * days)) / 10 : nil
        curfew = order.type == .curfew
            ? Self.curfewTime(order, caseload, counted, short: shortAbsences.filter { $0.start < until }, until: until, clock: clock) : nil
        episodesByType = Dictionary(grouping: counted, by: \.type).mapValues(\.count)
        latestEpisode = counted.max { ($0.start, $0.id) < ($1.start, $1.id) }.map {
            Episode(id: $0.id, type: $0.type, start: $0.start, end: $0.end, severity: $0.severity)
        }
        openAlerts = counted.filter { $0.status != "resolved" }.map(\.id).sorted()
    }

    /// An alert the rules raised from readings, of this order, or of its subject with no
    /// order and starting within the order's period; started by `asOf`.
    static func counts(_ alert: StoredAlert, of order: Order, asOf: Int64) -> Bool {
        guard AlertType(rawValue: alert.type) != nil, alert.start <= asOf else { return false }
        guard let id = alert.order else {
            return alert.subject == order.subject && order.start <= alert.start && alert.start < order.end
        }
        return id == order.id
    }

    /// A confirmed drinking episode or any tamper: what a day "with an episode" means.
    static func marksDay(_ alert: StoredAlert) -> Bool {
        alert.type.hasPrefix("tamper.")
            || (alert.type == AlertType.alcoholDrinking.rawValue && alert.detailText("classification") == "confirmed")
    }

    /// How many of the monitored local days the episodes touch: each touches every day
    /// its `[start, end]` overlaps (an ongoing one runs to `until`), both ends included.
    static func daysTouched(by episodes: [StoredAlert], order: Order, until: Int64, clock: LocalClock) -> Int {
        let first = clock.localDay(at: order.start)
        let last = clock.localDay(at: until)
        var touched = Set<Int>()
        for episode in episodes {
            let from = max(episode.start, order.start)
            let to = min(episode.end ?? until, until)
            guard from <= to else { continue }
            for day in clock.localDay(at: from)...clock.localDay(at: to) where day >= first && day < last {
                touched.insert(day)
            }
        }
        return touched.count
    }

    static func curfewTime(_ order: Order, _ caseload: Caseload, _ counted: [StoredAlert], short: [TimeSpan], until: Int64,
                           clock: LocalClock) -> CurfewTime {
        let intervals = CurfewIntervals.intervals(of: order, clock: clock, absences: caseload.absences, within: TimeSpan(order.start, until))
        let scheduled = intervals.reduce(Int64(0)) { $0 + ($1.end - $1.start) } / 60_000
        func total(_ type: AlertType, _ key: String) -> Int64 {
            counted.filter { $0.type == type.rawValue }.reduce(Int64(0)) { $0 + ($1.detailInteger(key) ?? 0) }
        }
        let absent = total(.curfewAbsence, "minutesAbsent")
        let unverified = total(.noContact, "curfewMinutesUnverified")
        // Whole minutes, as the rules count an alert's minutes absent.
        let shortMinutes = short.reduce(Int64(0)) { $0 + (min($1.end, until) - $1.start) / 60_000 }
        return CurfewTime(scheduledMinutes: scheduled, keptMinutes: max(0, scheduled - absent - shortMinutes - unverified),
                          absentMinutes: absent, unverifiedMinutes: unverified,
                          shortAbsences: short.count, shortAbsentMinutes: shortMinutes)
    }
}
