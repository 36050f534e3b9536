/// The alert types the rules raise from readings (rules.md). Transition points are the
/// worker's and are not raised here.
public enum AlertType: String, Sendable, CaseIterable, Codable, Comparable {
    case alcoholDrinking = "alcohol.drinking"
    case tamperRemoval = "tamper.removal"
    case tamperObstruction = "tamper.obstruction"
    case tamperStrap = "tamper.strap"
    case curfewAbsence = "curfew.absence"
    case hmuMoved = "hmu.moved"
    case hmuCaseOpen = "hmu.case_open"
    case hmuPowerLoss = "hmu.power_loss"
    case batteryLow = "device.battery_low"
    case noContact = "device.no_contact"
    case dataGap = "device.data_gap"
    case unassigned = "device.unassigned"

    /// Severity before the risk raise (rules.md's table; a drinking episode's depends on
    /// its classification, see ``AlertSeverity/drinking(_:)``).
    var baseSeverity: AlertSeverity {
        switch self {
        case .tamperStrap: .critical
        case .tamperRemoval, .tamperObstruction, .curfewAbsence, .hmuMoved, .hmuCaseOpen: .high
        case .alcoholDrinking, .noContact: .medium
        case .hmuPowerLoss, .batteryLow, .dataGap, .unassigned: .low
        }
    }

    public static func < (lhs: AlertType, rhs: AlertType) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Alert severity, lowest first (rules.md, "Severity").
public enum AlertSeverity: Int, Sendable, CaseIterable, Codable, Comparable {
    case low, medium, high, critical

    public var name: String {
        switch self {
        case .low: "low"
        case .medium: "medium"
        case .high: "high"
        case .critical: "critical"
        }
    }

    public init?(name: String) {
        guard let found = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = found
    }

    /// One level up for a high-risk subject, at most critical.
    func raised(highRisk: Bool) -> AlertSeverity {
        highRisk ? AlertSeverity(rawValue: min(rawValue + 1, Self.critical.rawValue))! : self
    }

    public static func < (lhs: AlertSeverity, rhs: AlertSeverity) -> Bool { lhs.rawValue < rhs.rawValue }
}
