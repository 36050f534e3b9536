import TagwatchCore

/// Who is monitored, under which order, with which devices (caseload.md): the document
/// the probation side sends, once ``CaseloadReader`` has found it valid as a whole.
public struct Caseload: Sendable, Equatable, Codable {
    public var centre: Centre?
    public var officers: [Officer]
    public var subjects: [Subject]
    public var orders: [Order]
    public var devices: [Assignment]
    public var absences: [AuthorisedAbsence]

    public init(centre: Centre? = nil, officers: [Officer], subjects: [Subject], orders: [Order], devices: [Assignment], absences: [AuthorisedAbsence] = []) {
        self.centre = centre
        self.officers = officers
        self.subjects = subjects
        self.orders = orders
        self.devices = devices
        self.absences = absences
    }
}

/// Where a prompt goes: a webhook URL, an email address, or both.
public struct Notify: Sendable, Equatable, Codable {
    public var webhook: String?
    public var email: String?

    public init(webhook: String? = nil, email: String? = nil) {
        self.webhook = webhook
        self.email = email
    }
}

/// The monitoring centre's duty contact: escalations, dead letters, alerts with no subject.
public struct Centre: Sendable, Equatable, Codable {
    public var name: String
    public var notify: Notify

    public init(name: String, notify: Notify) {
        self.name = name
        self.notify = notify
    }
}

public struct Officer: Sendable, Equatable, Codable {
    public var id: String
    public var name: String
    public var team: String?
    public var notify: Notify

    public init(id: String, name: String, team: String? = nil, notify: Notify = Notify()) {
        self.id = id
        self.name = name
        self.team = team
        self.notify = notify
    }
}

public enum Risk: String, Sendable, CaseIterable, Codable {
    case low, medium, high
}

public struct Subject: Sendable, Equatable, Codable {
    public var id: String
    public var officer: String
    public var risk: Risk
    /// An IANA time zone; curfew clock times are local to it.
    public var timezone: String
    public var name: String?

    public init(id: String, officer: String, risk: Risk, timezone: String, name: String? = nil) {
        self.id = id
        self.officer = officer
        self.risk = risk
        self.timezone = timezone
        self.name = name
    }
}

public enum OrderType: String, Sendable, CaseIterable, Codable {
    /// Curfew requirements, home detention curfew, home custody orders.
    case curfew
    /// Alcohol abstinence monitoring.
    case sobriety
}

public enum Weekday: String, Sendable, CaseIterable, Codable {
    case mon, tue, wed, thu, fri, sat, sun
}

/// A curfew window: on each of `days`, from `from` to `to` local time; a `to` earlier
/// than `from` ends on the next day.
public struct CurfewWindow: Sendable, Equatable, Codable {
    public var days: Set<Weekday>
    public var from: ClockTime
    public var to: ClockTime

    public init(days: Set<Weekday>, from: ClockTime, to: ClockTime) {
        self.days = days
        self.from = from
        self.to = to
    }
}

public struct Order: Sendable, Equatable, Codable {
    public var id: String
    public var subject: String
    public var type: OrderType
    /// Milliseconds since the epoch.
    public var start: Int64
    public var end: Int64
    public var curfew: [CurfewWindow]
    /// An absence no longer than this raises no alert (default 5).
    public var graceMinutes: Int

    public init(id: String, subject: String, type: OrderType, start: Int64, end: Int64, curfew: [CurfewWindow] = [], graceMinutes: Int = 5) {
        self.id = id
        self.subject = subject
        self.type = type
        self.start = start
        self.end = end
        self.curfew = curfew
        self.graceMinutes = graceMinutes
    }
}

public enum DeviceRole: String, Sendable, CaseIterable, Codable {
    case tag, hmu, alcohol, gps
}

/// A serial assigned to a subject from `from` until `to` (nil: open).
public struct Assignment: Sendable, Equatable, Codable {
    public var serial: DeviceSerial
    public var role: DeviceRole
    public var subject: String
    public var from: Int64
    public var to: Int64?

    public init(serial: DeviceSerial, role: DeviceRole, subject: String, from: Int64, to: Int64? = nil) {
        self.serial = serial
        self.role = role
        self.subject = subject
        self.from = from
        self.to = to
    }
}

/// An absence people approved (court, hospital, work): no curfew alert inside it.
public struct AuthorisedAbsence: Sendable, Equatable, Codable {
    public var id: String
    public var subject: String
    public var from: Int64
    public var to: Int64
    public var reason: String
    public var approvedBy: String

    public init(id: String, subject: String, from: Int64, to: Int64, reason: String, approvedBy: String) {
        self.id = id
        self.subject = subject
        self.from = from
        self.to = to
        self.reason = reason
        self.approvedBy = approvedBy
    }
}

/// What is wrong with a caseload document, and where, as a JSON path
/// (`$.orders[0].curfew[1].from`).
public struct CaseloadProblem: Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var message: String

    public var description: String { "\(path): \(message)" }
}
