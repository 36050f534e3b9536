import TagwatchStore

/// Whom a prompt is for (alerts.md, "Who gets a prompt of its own"): the subject's
/// officer when an alert opens, when its classification is confirmed and at transitions;
/// the centre's duty contact for escalations, dead letters and alerts with no subject
/// (and so no officer).
public enum PromptAudience: Sendable, Equatable {
    /// An officer, by id.
    case officer(String)
    case centre

    public init(event: PromptEvent, alert: StoredAlert) {
        switch event {
        case .escalated, .deliveryFailed:
            self = .centre
        case .opened, .confirmed, .transition:
            self = alert.officer.map(PromptAudience.officer) ?? .centre
        }
    }
}
