/// How a person closed an alert (alerts.md, "What people do"). `breachAction` is set by a
/// person, never by the system.
public enum ResolutionOutcome: String, Sendable, CaseIterable {
    case noViolation = "no_violation"
    case contactMade = "contact_made"
    case equipmentFault = "equipment_fault"
    case referredToOfficer = "referred_to_officer"
    case breachAction = "breach_action"
}

/// What a person does with an alert. Only people move an alert's status.
public enum ReviewAction: Sendable, Equatable {
    /// "I have it": open → acknowledged. Stops escalation.
    case acknowledge
    /// Free text on the alert, in any status (e.g. the outcome of a later call).
    case note(String)
    /// Open or acknowledged → resolved, with an outcome and a note, both required.
    case resolve(ResolutionOutcome, note: String)

    var name: String {
        switch self {
        case .acknowledge: "acknowledged"
        case .note: "noted"
        case .resolve: "resolved"
        }
    }
}
