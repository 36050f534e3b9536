import TagwatchCaseload
import TagwatchRules
import TagwatchStore

/// One alert with what the caseload says about it, and the phrases every prompt about
/// it shares: who it concerns, its times local to them, and its figures.
struct PromptFacts {
    let alert: StoredAlert
    let event: PromptEvent
    let context: PromptContext
    let clock: PromptClock
    let audience: PromptAudience

    init(alert: StoredAlert, event: PromptEvent, context: PromptContext, audience: PromptAudience) {
        self.alert = alert
        self.event = event
        self.context = context
        self.audience = audience
        clock = PromptClock(timeZone: alert.subject.flatMap { context.subjects[$0]?.timezone } ?? context.timeZone)
    }

    var rules: RulesConfiguration { context.rules }

    /// The subject in prose: their name when the caseload gives one, else their id.
    var who: String {
        guard let id = alert.subject else { return "the subject" }
        return context.subjects[id]?.name ?? id
    }

    /// The subject as a subject line names them (`S-0001 J. Doe`); the device for an
    /// alert with no subject.
    var label: String {
        guard let id = alert.subject else { return alert.deviceName }
        return context.subjects[id]?.name.map { "\(id) \($0)" } ?? id
    }

    func full(_ milliseconds: Int64) -> String { clock.full(milliseconds) }

    /// Who and when, after a subject line's title: `S-0001 J. Doe, 22 Nov 19:00–20:20`.
    var about: String { "\(label), \(clock.span(alert.start, alert.end))" }

    /// The summary a transition prompt carries, when the event brought one.
    var summary: ComplianceSummary? {
        if case .transition(let summary) = event { summary } else { nil }
    }

    /// What the end of a condition episode shows, or that none has shown it yet.
    func cleared(_ what: String) -> String {
        alert.end.map { "A reading at \(full($0)) no longer showed \(what)." } ?? "No reading since has shown it cleared."
    }

    // Figures, or a plain mark where the alert does not hold one.
    static let unrecorded = "(not recorded)"

    func integer(_ key: String) -> String { alert.detailInteger(key).map(String.init) ?? Self.unrecorded }

    func number(_ key: String, places: Int) -> String {
        alert.detailNumber(key).map { Figure.fixed($0, places: places) } ?? Self.unrecorded
    }

    func time(_ key: String) -> String { alert.detailTime(key).map(full) ?? Self.unrecorded }
}
