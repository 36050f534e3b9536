import TagwatchCaseload
import TagwatchCore

/// Whom a device's reading concerns, from the caseload at the reading's time: the
/// assignment in force, its subject, and the order in force (rules.md: readings raise
/// alerts only while the device is assigned and its subject has an order in force).
/// A class, so the one a device's readings share is passed on without copying.
final class Attribution {
    let assignment: Assignment
    /// `assignment.from` and `.role`, kept apart so the per-reading checks copy nothing.
    let assignmentFrom: Int64
    let role: DeviceRole
    let subject: Subject
    /// The order in force that matches the device's role (curfew for `tag` and `hmu`,
    /// sobriety for `alcohol`), else any order in force; nil when none is.
    let order: Order?
    /// Whether an order is in force (kept apart: comparing `order` with nil copies it).
    let inForce: Bool
    /// The subject's curfew intervals, when they hold a curfew order.
    let curfew: CurfewCalendar?
    /// The grace of the subject's curfew (caseload.md, default 5 minutes).
    let grace: Int64
    /// The times for which all of the above stays the same.
    let validity: TimeSpan

    init(assignment: Assignment, subject: Subject, order: Order?, curfew: CurfewCalendar?, grace: Int64, validity: TimeSpan) {
        self.assignment = assignment
        assignmentFrom = assignment.from
        role = assignment.role
        self.subject = subject
        self.order = order
        inForce = order != nil
        self.curfew = curfew
        self.grace = grace
        self.validity = validity
    }

    /// The alert for `key` as it now stands, with the subject's risk raise applied.
    func change(
        _ key: EpisodeKey, severity base: AlertSeverity, end: Int64?, openedAt: Int64,
        details: [String: AlertDetail], seqs: ClosedRange<UInt32>
    ) -> AlertChange {
        AlertChange(
            key: key, severity: base.raised(highRisk: subject.risk == .high),
            subject: subject.id, order: order?.id, officer: subject.officer,
            end: end, openedAt: openedAt, details: details,
            firstSeq: seqs.lowerBound, lastSeq: seqs.upperBound)
    }
}

/// The caseload arranged for lookups by serial and subject.
struct CaseloadIndex {
    private var assignments: [DeviceSerial: [Assignment]] = [:]
    private var subjects: [String: Subject] = [:]
    private var orders: [String: [Order]] = [:]
    private var calendars: [String: CurfewCalendar] = [:]
    private let defaultGrace: Int

    init(_ caseload: Caseload, defaultGrace: Int) {
        self.defaultGrace = defaultGrace
        for assignment in caseload.devices { assignments[assignment.serial, default: []].append(assignment) }
        for subject in caseload.subjects { subjects[subject.id] = subject }
        for order in caseload.orders { orders[order.subject, default: []].append(order) }
        for subject in caseload.subjects {
            let curfews = orders[subject.id, default: []].filter { $0.type == .curfew }
            guard !curfews.isEmpty, let clock = LocalClock(timeZone: subject.timezone) else { continue }
            calendars[subject.id] = CurfewCalendar(
                orders: curfews, clock: clock, absences: caseload.absences.filter { $0.subject == subject.id })
        }
    }

    /// The attribution of `serial`'s reading at `time`; nil when no assignment covers it.
    func attribution(of serial: DeviceSerial, at time: Int64) -> Attribution? {
        guard let assignment = assignments[serial]?.first(where: { $0.from <= time && time < ($0.to ?? .max) }),
              let subject = subjects[assignment.subject] else { return nil }
        let held = orders[subject.id, default: []]
        let inForce = held.filter { $0.start <= time && time < $0.end }
        let wanted: OrderType? = switch assignment.role {
        case .tag, .hmu: .curfew
        case .alcohol: .sobriety
        case .gps: nil
        }
        var validity = TimeSpan(assignment.from, assignment.to ?? .max)
        for order in held {
            for boundary in [order.start, order.end] {
                if boundary <= time { validity.start = max(validity.start, boundary) } else { validity.end = min(validity.end, boundary) }
            }
        }
        let curfewGrace = held.first { $0.type == .curfew && $0.start <= time && time < $0.end }?.graceMinutes
        return Attribution(
            assignment: assignment, subject: subject,
            order: inForce.first { $0.type == wanted } ?? inForce.first,
            curfew: calendars[subject.id],
            grace: Int64(curfewGrace ?? defaultGrace) * RulesConfiguration.minute,
            validity: validity)
    }
}
