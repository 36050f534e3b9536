import Foundation

/// The caseload document (caseload.md) matching a ``SampleSet``: the centre, officers,
/// subjects, their orders, device assignments and authorised absences.
public enum CaseloadDocument {
    /// Where the sample caseload's webhooks point unless told otherwise.
    public static let defaultHooks = "http://127.0.0.1:9310/hooks"

    /// The document, its webhooks at `hooks` followed by `/centre` or the officer's id in
    /// lower case (`/po-17`).
    public static func json(for set: SampleSet, hooks: String = defaultHooks) throws -> Data {
        let start = set.configuration.start
        let orderStart = SampleTime.rfc3339(start - 2 * SampleTime.day)
        let orderEnd = SampleTime.rfc3339(start + 120 * SampleTime.day)
        let assigned = SampleTime.rfc3339(start - SampleTime.day)
        var subjects: [[String: Any]] = []
        var orders: [[String: Any]] = []
        var devices: [[String: Any]] = []
        var absences: [[String: Any]] = []
        func officer(_ index: Int) -> String { SampleSet.officers[index % SampleSet.officers.count] }
        for (index, plan) in set.curfew.enumerated() {
            subjects.append(["id": plan.subject, "officer": officer(index), "risk": plan.risk, "timezone": "Europe/London", "name": "Curfew subject \(index + 1)"])
            orders.append([
                "id": "O-\(plan.subject.dropFirst(2))", "subject": plan.subject, "type": "curfew",
                "start": orderStart, "end": orderEnd, "graceMinutes": CurfewPlan.graceMinutes,
                "curfew": [["days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], "from": "19:00", "to": "07:00"]],
            ])
            devices.append(["serial": plan.tag.description, "role": "tag", "subject": plan.subject, "from": assigned, "to": NSNull()])
            devices.append(["serial": plan.homeUnit.description, "role": "hmu", "subject": plan.subject, "from": assigned, "to": NSNull()])
            for (number, span) in plan.authorisedAbsences.enumerated() {
                absences.append(["id": "A-\(plan.subject.dropFirst(2))-\(number + 1)", "subject": plan.subject,
                                 "from": SampleTime.rfc3339(span.start), "to": SampleTime.rfc3339(span.end),
                                 "reason": "hospital appointment", "approvedBy": officer(index)])
            }
        }
        for (index, plan) in set.sobriety.enumerated() {
            subjects.append(["id": plan.subject, "officer": officer(index + 1), "risk": plan.risk, "timezone": "Europe/London", "name": "Sobriety subject \(index + 1)"])
            orders.append(["id": "O-\(plan.subject.dropFirst(2))", "subject": plan.subject, "type": "sobriety", "start": orderStart, "end": orderEnd])
            devices.append(["serial": plan.tag.description, "role": "alcohol", "subject": plan.subject, "from": assigned, "to": NSNull()])
        }
        let document: [String: Any] = [
            "centre": ["name": "North monitoring centre", "notify": ["webhook": "\(hooks)/centre", "email": "duty@centre.example"]],
            "officers": SampleSet.officers.map { id in
                ["id": id, "name": "Officer \(id)", "team": "Leeds North",
                 "notify": ["webhook": "\(hooks)/\(id.lowercased())", "email": "\(id.lowercased())@probation.example"]]
            },
            "subjects": subjects, "orders": orders, "devices": devices, "absences": absences,
        ]
        return try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }
}
