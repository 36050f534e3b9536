/// An alert the rules must raise for a violation the generator injected (rules.md): what
/// an independent checker compares the system's alerts with.
public struct ExpectedAlert: Sendable, Hashable, Encodable {
    public var type: String
    /// Nil for `device.unassigned`.
    public var subject: String?
    public var device: String
    public var start: Int64
    /// Nil while the episode goes on at the end of the samples.
    public var end: Int64?
    public var severity: String
    /// `confirmed` or `unconfirmed` for `alcohol.drinking`, once the episode ended.
    public var classification: String?
    /// `late`, `early`, `during` or `whole` for `curfew.absence`.
    public var pattern: String?
    /// What the generator injected, for a person reading a mismatch.
    public var scenario: String

    enum CodingKeys: String, CodingKey {
        case type, subject, device, start, end, severity, classification, pattern, scenario
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        try container.encode(subject, forKey: .subject)
        try container.encode(device, forKey: .device)
        try container.encode(SampleTime.rfc3339(start), forKey: .start)
        try container.encode(end.map(SampleTime.rfc3339), forKey: .end)
        try container.encode(severity, forKey: .severity)
        try container.encodeIfPresent(classification, forKey: .classification)
        try container.encodeIfPresent(pattern, forKey: .pattern)
        try container.encode(scenario, forKey: .scenario)
    }
}

/// Severity levels of rules.md, lowest first, and the raise for high-risk subjects.
public enum Severity: Int, Sendable, CaseIterable {
    case low, medium, high, critical

    public var name: String { ["low", "medium", "high", "critical"][rawValue] }

    /// One level up for a high-risk subject, at most critical.
    public func raised(forRisk risk: String) -> Severity {
        risk == "high" ? Severity(rawValue: min(rawValue + 1, Severity.critical.rawValue))! : self
    }
}
