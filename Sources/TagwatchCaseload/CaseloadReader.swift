import Foundation
import TagwatchCore

/// Reads a caseload document and checks it whole (caseload.md): every field's type and
/// value, unknown references, duplicate ids, overlapping assignments of one serial, bad
/// clock times, unknown IANA time zones, ends before starts. Either the whole caseload
/// comes back, or every problem, each by JSON path; never part of it.
public struct CaseloadReader {
    private var problems: [CaseloadProblem] = []

    /// The caseload in `data`, or every problem found in it.
    public static func read(_ data: Data) -> Result<Caseload, CaseloadFailure> {
        var reader = CaseloadReader()
        guard let root = try? JSONSerialization.jsonObject(with: data) else {
            return .failure(CaseloadFailure(problems: [CaseloadProblem(path: "$", message: "not a JSON document")]))
        }
        let caseload = reader.caseload(root)
        if let caseload, reader.problems.isEmpty {
            reader.checkReferences(caseload)
            reader.checkAssignmentsDoNotOverlap(caseload.devices)
        }
        guard let caseload, reader.problems.isEmpty else {
            return .failure(CaseloadFailure(problems: reader.problems))
        }
        return .success(caseload)
    }

    // MARK: Structure

    /// `text` as a message shows it: quoted, control characters escaped (a line break in
    /// an address is the thing being reported).
    static func quoted(_ text: String) -> String {
        "\"" + text.unicodeScalars.map { $0.properties.generalCategory == .control ? $0.escaped(asASCII: true) : String($0) }.joined() + "\""
    }

    mutating func problem(_ path: String, _ message: String) {
        problems.append(CaseloadProblem(path: path, message: message))
    }

    private mutating func caseload(_ root: Any) -> Caseload? {
        guard let object = root as? [String: Any] else {
            problem("$", "the caseload must be a JSON object")
            return nil
        }
        let centre = object["centre"].flatMap { $0 is NSNull ? nil : self.centre($0, "$.centre") }
        let officers = list(object, "officers", "$") { $0.officer($1, $2) }
        let subjects = list(object, "subjects", "$") { $0.subject($1, $2) }
        let orders = list(object, "orders", "$") { $0.order($1, $2) }
        let devices = list(object, "devices", "$") { $0.assignment($1, $2) }
        let absences = list(object, "absences", "$", optional: true) { $0.absence($1, $2) }
        guard let officers, let subjects, let orders, let devices, let absences else { return nil }
        return Caseload(centre: centre, officers: officers, subjects: subjects, orders: orders, devices: devices, absences: absences)
    }

    /// The elements of the array `object[key]`, each read by `element`; nil (with the
    /// problems noted) when any is wrong.
    private mutating func list<T>(_ object: [String: Any], _ key: String, _ path: String, optional: Bool = false,
                                  _ element: (inout CaseloadReader, Any, String) -> T?) -> [T]? {
        guard let value = object[key], !(value is NSNull) else {
            if optional { return [] }
            problem("\(path).\(key)", "missing: a list is required")
            return nil
        }
        guard let array = value as? [Any] else {
            problem("\(path).\(key)", "must be a list")
            return nil
        }
        var items: [T] = []
        var complete = true
        for (index, item) in array.enumerated() {
            if let read = element(&self, item, "\(path).\(key)[\(index)]") { items.append(read) } else { complete = false }
        }
        return complete ? items : nil
    }

    private mutating func object(_ value: Any, _ path: String) -> [String: Any]? {
        guard let object = value as? [String: Any] else {
            problem(path, "must be an object")
            return nil
        }
        return object
    }

    private mutating func string(_ object: [String: Any], _ key: String, _ path: String, optional: Bool = false) -> String?? {
        guard let value = object[key], !(value is NSNull) else {
            if optional { return .some(nil) }
            problem("\(path).\(key)", "missing")
            return nil
        }
        guard let text = value as? String, !text.isEmpty else {
            problem("\(path).\(key)", "must be a non-empty string")
            return nil
        }
        return .some(text)
    }

    private mutating func required(_ object: [String: Any], _ key: String, _ path: String) -> String? {
        string(object, key, path) ?? nil
    }

    private mutating func instant(_ object: [String: Any], _ key: String, _ path: String, optional: Bool = false) -> Int64?? {
        guard let text = string(object, key, path, optional: optional) else { return nil }
        guard let text else { return .some(nil) }
        guard let milliseconds = Instant.milliseconds(rfc3339: text) else {
            problem("\(path).\(key)", "\"\(text)\" is not an RFC 3339 time with an offset, such as 2026-10-01T12:00:00Z")
            return nil
        }
        return .some(milliseconds)
    }

    private mutating func choice<T: RawRepresentable & CaseIterable>(_ object: [String: Any], _ key: String, _ path: String, _: T.Type) -> T? where T.RawValue == String {
        guard let text = required(object, key, path) else { return nil }
        guard let value = T(rawValue: text) else {
            problem("\(path).\(key)", "\"\(text)\" is not one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        return value
    }

    private mutating func notify(_ object: [String: Any], _ path: String) -> Notify? {
        guard let value = object["notify"], !(value is NSNull) else { return Notify() }
        guard let notify = self.object(value, "\(path).notify") else { return nil }
        guard let webhook = string(notify, "webhook", "\(path).notify", optional: true),
              let email = string(notify, "email", "\(path).notify", optional: true) else { return nil }
        var valid = true
        if let webhook, !Notify.isWebhookURL(webhook) {
            problem("\(path).notify.webhook", "\(Self.quoted(webhook)) is not an http or https URL with a host (printable ASCII, no spaces)")
            valid = false
        }
        if let email, !Notify.isMailAddress(email) {
            problem("\(path).notify.email", "\(Self.quoted(email)) is not a plain email address local@domain (printable ASCII, no spaces or quotes)")
            valid = false
        }
        return valid ? Notify(webhook: webhook, email: email) : nil
    }

    // MARK: Entries

    private mutating func centre(_ value: Any, _ path: String) -> Centre? {
        guard let object = object(value, path) else { return nil }
        let name = required(object, "name", path)
        let notify = notify(object, path)
        guard let name, let notify else { return nil }
        return Centre(name: name, notify: notify)
    }

    private mutating func officer(_ value: Any, _ path: String) -> Officer? {
        guard let object = object(value, path) else { return nil }
        let id = required(object, "id", path)
        let name = required(object, "name", path)
        let team = string(object, "team", path, optional: true)
        let notify = notify(object, path)
        guard let id, let name, let team, let notify else { return nil }
        return Officer(id: id, name: name, team: team, notify: notify)
    }

    private mutating func subject(_ value: Any, _ path: String) -> Subject? {
        guard let object = object(value, path) else { return nil }
        let id = required(object, "id", path)
        let officer = required(object, "officer", path)
        let risk = choice(object, "risk", path, Risk.self)
        var timezone = required(object, "timezone", path)
        if let zone = timezone, !KnownTimeZones.contains(zone) || TimeZone(identifier: zone) == nil {
            problem("\(path).timezone", "\"\(zone)\" is not a known IANA time zone, such as Europe/London")
            timezone = nil
        }
        let name = string(object, "name", path, optional: true)
        guard let id, let officer, let risk, let timezone, let name else { return nil }
        return Subject(id: id, officer: officer, risk: risk, timezone: timezone, name: name)
    }

    private mutating func order(_ value: Any, _ path: String) -> Order? {
        guard let object = object(value, path) else { return nil }
        let problemsBefore = problems.count
        let id = required(object, "id", path)
        let subject = required(object, "subject", path)
        let type = choice(object, "type", path, OrderType.self)
        let start = instant(object, "start", path) ?? nil
        let end = instant(object, "end", path) ?? nil
        if let start, let end, end <= start { problem("\(path).end", "the order ends before it starts") }
        let windows = list(object, "curfew", path, optional: true) { $0.window($1, $2) }
        if type == .curfew, windows?.isEmpty == true { problem("\(path).curfew", "a curfew order needs at least one window") }
        if type == .sobriety, windows?.isEmpty == false { problem("\(path).curfew", "a sobriety order has no curfew windows") }
        var grace = 5
        if let value = object["graceMinutes"], !(value is NSNull) {
            // A day at most: a grace longer than any curfew window would hide every absence.
            if value is Bool || (value as? Int).map({ $0 < 0 || $0 > 1440 }) ?? true {
                problem("\(path).graceMinutes", "must be a whole number of minutes from 0 to 1440")
            } else {
                grace = value as! Int
            }
        }
        guard let id, let subject, let type, let start, let end, let windows,
              problems.count == problemsBefore else { return nil }
        return Order(id: id, subject: subject, type: type, start: start, end: end, curfew: windows, graceMinutes: grace)
    }

    private mutating func window(_ value: Any, _ path: String) -> CurfewWindow? {
        guard let object = object(value, path) else { return nil }
        var days: Set<Weekday>?
        if let list = object["days"] as? [Any], !list.isEmpty {
            days = []
            for (index, day) in list.enumerated() {
                if let name = day as? String, let weekday = Weekday(rawValue: name) {
                    days?.insert(weekday)
                } else {
                    problem("\(path).days[\(index)]", "is not one of \(Weekday.allCases.map(\.rawValue).joined(separator: ", "))")
                    days = nil
                }
            }
        } else {
            problem("\(path).days", "must be a non-empty list of days")
        }
        let from = clock(object, "from", path)
        let to = clock(object, "to", path)
        guard let days, let from, let to else { return nil }
        if from == to {
            problem("\(path).to", "a window from and to the same time is empty")
            return nil
        }
        return CurfewWindow(days: days, from: from, to: to)
    }

    private mutating func clock(_ object: [String: Any], _ key: String, _ path: String) -> ClockTime? {
        guard let text = required(object, key, path) else { return nil }
        guard let time = ClockTime(text) else {
            problem("\(path).\(key)", "\"\(text)\" is not a clock time HH:MM from 00:00 to 23:59")
            return nil
        }
        return time
    }

    private mutating func assignment(_ value: Any, _ path: String) -> Assignment? {
        guard let object = object(value, path) else { return nil }
        var serial: DeviceSerial?
        if let text = required(object, "serial", path) {
            serial = DeviceSerial(text)
            if serial == nil { problem("\(path).serial", "\"\(text)\" is not 1 to 32 characters of [A-Za-z0-9_-]") }
        }
        let role = choice(object, "role", path, DeviceRole.self)
        let subject = required(object, "subject", path)
        let from = instant(object, "from", path) ?? nil
        let to = instant(object, "to", path, optional: true)
        if let from, let to = to ?? nil, to <= from { problem("\(path).to", "the assignment ends before it starts") }
        guard let serial, let role, let subject, let from, let to, (to ?? .max) > from else { return nil }
        return Assignment(serial: serial, role: role, subject: subject, from: from, to: to)
    }

    private mutating func absence(_ value: Any, _ path: String) -> AuthorisedAbsence? {
        guard let object = object(value, path) else { return nil }
        let id = required(object, "id", path)
        let subject = required(object, "subject", path)
        let from = instant(object, "from", path) ?? nil
        let to = instant(object, "to", path) ?? nil
        if let from, let to, to <= from { problem("\(path).to", "the absence ends before it starts") }
        let reason = required(object, "reason", path)
        let approvedBy = required(object, "approvedBy", path)
        guard let id, let subject, let from, let to, to > from, let reason, let approvedBy else { return nil }
        return AuthorisedAbsence(id: id, subject: subject, from: from, to: to, reason: reason, approvedBy: approvedBy)
    }
}

/// A caseload document that cannot be applied, with every problem in it.
public struct CaseloadFailure: Error, Sendable, CustomStringConvertible {
    public var problems: [CaseloadProblem]

    public var description: String {
        "the caseload has \(problems.count) problem\(problems.count == 1 ? "" : "s"); nothing of it was applied:\n"
            + problems.map { "  \($0)" }.joined(separator: "\n")
    }
}
