import TagwatchRules

/// The first lines of a prompt: whom it is for, and why it is sent now.
extension PromptFacts {
    /// `[high] Curfew absence — S-0001 J. Doe, 22 Nov 19:00–20:20`.
    func subjectLine(_ narrative: Narrative) -> String {
        var escalated = alert.escalated
        if case .escalated = event { escalated = true }
        return "[\(alert.severity)\(escalated ? ", escalated" : "")] \(narrative.title) — \(narrative.about)"
    }

    var greeting: String {
        switch audience {
        case .officer(let id):
            context.officers[id].map { "For \($0.name) (\(id))." } ?? "For officer \(id)."
        case .centre:
            context.centre.map { "For the duty contact of \($0.name)." } ?? "For the monitoring centre's duty contact."
        }
    }

    var lead: String {
        switch event {
        case .opened:
            return "Tagwatch opened alert \(alert.id) (\(alert.severity))."
        case .confirmed:
            return "Alert \(alert.id) is now classified as \(alert.detailText("classification") ?? "confirmed"):"
                + " its episode has ended and its curve has been judged."
        case .escalated:
            guard let severity = AlertSeverity(name: alert.severity),
                  let minutes = AcknowledgementDeadline.minutes(for: severity) else {
                return "Alert \(alert.id) has not been acknowledged, so it comes to the centre's duty contact."
            }
            let deadline = minutes % 60 == 0 ? "\(minutes / 60) h" : "\(minutes) min"
            return "Alert \(alert.id) (\(alert.severity)) has not been acknowledged within \(deadline) of being"
                + " raised at \(full(alert.raisedAt)), so it comes to the centre's duty contact."
        case .transition(let summary):
            return "Order \(summary.order) reaches a transition point: a prompt to plan support."
        case .deliveryFailed:
            return "A prompt could not be delivered; alert \(alert.id) records it for the centre."
        }
    }
}
