import TagwatchCaseload
import TagwatchRules

/// What the caseload knows that a prompt names (caseload.md): the centre, officers and
/// subjects by id, each subject's display name and IANA time zone (times are shown in
/// it too), and the rules in force, whose thresholds the explanations quote. Built once
/// for a worker's pass and shared by its prompts.
public struct PromptContext: Sendable {
    public var centre: Centre?
    public var officers: [String: Officer]
    public var subjects: [String: Subject]
    /// The zone for what concerns no subject (an unassigned device, the day an officer's
    /// summary is for); nil shows those in UTC alone. The caseload has none of its own.
    public var timeZone: String?
    public var rules: RulesConfiguration

    public init(centre: Centre? = nil, officers: [Officer] = [], subjects: [Subject] = [],
                timeZone: String? = nil, rules: RulesConfiguration = RulesConfiguration()) {
        self.centre = centre
        self.officers = Dictionary(officers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.subjects = Dictionary(subjects.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.timeZone = timeZone
        self.rules = rules
    }

    public init(caseload: Caseload, timeZone: String? = nil, rules: RulesConfiguration = RulesConfiguration()) {
        self.init(centre: caseload.centre, officers: caseload.officers, subjects: caseload.subjects,
                  timeZone: timeZone, rules: rules)
    }
}
