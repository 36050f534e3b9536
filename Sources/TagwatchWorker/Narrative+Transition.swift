/// `transition.order_ending` and `transition.order_ended` (rules.md, "Transition
/// points"): the end of an order as a prompt to plan support, with its compliance
/// summary. It decides nothing, and says so.
extension Narrative {
    static func transition(_ facts: PromptFacts, ended: Bool) -> Narrative {
        let order = facts.summary?.order ?? facts.alert.order ?? PromptFacts.unrecorded
        let happened: String
        let figures: [String]
        if let summary = facts.summary {
            let day: Int64 = 86_400_000
            let left = Figure.count((max(0, summary.orderEnd - summary.asOf) + day / 2) / day, "day")
            happened = "Order \(order) (\(summary.orderType.rawValue)) of \(facts.who) "
                + (ended ? "ended at \(facts.full(summary.orderEnd))." : "ends at \(facts.full(summary.orderEnd)), in \(left).")
                + " It started at \(facts.full(summary.orderStart))."
            figures = summary.paragraphs(facts.clock)
        } else {
            happened = "Order \(order) of \(facts.who) \(ended ? "has ended" : "is ending")."
            figures = ["No compliance summary came with this prompt; `tagwatch alerts --subject"
                + " \(facts.alert.subject ?? PromptFacts.unrecorded)` lists the subject's alerts."]
        }
        let date = facts.summary.map { (ended ? ", ended " : ", ends ") + facts.clock.date($0.orderEnd) } ?? ""
        var narrative = Narrative(
            title: ended ? "Order ended" : "Order ending", about: "\(facts.label), order \(order)\(date)",
            happened: [happened], sure: figures,
            suggestion: ended
                ? "You may want to contact \(facts.who) about support now that monitoring has stopped: what"
                    + " helped during the order, and who to turn to next."
                : "You may want to plan a conversation with \(facts.who) about support once monitoring stops:"
                    + " what has helped so far, and who to turn to next (alcohol, housing or work services, for"
                    + " example).")
        narrative.sureHeading = "Compliance summary"
        narrative.fromReadings = false
        narrative.closing = ["This is a prompt to talk about support after the order ends, not a decision.", decidesNothing]
        return narrative
    }
}
