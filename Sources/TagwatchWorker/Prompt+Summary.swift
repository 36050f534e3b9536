import TagwatchCaseload
import TagwatchStore

extension Prompt {
    /// The daily summary for `officer` (alerts.md, "Daily summary"): the open alerts of
    /// their caseload (theirs, and not resolved), highest severity first, newest first
    /// within it, one line each; the low ones gathered by type, since they get no prompt
    /// of their own. `day` is an instant of the day summarised, whose date in the
    /// context's time zone names it; other alerts in `alerts` are left out.
    public static func summary(officer: Officer, alerts: [StoredAlert], day: Int64, context: PromptContext) -> Prompt {
        let open = alerts.filter { $0.officer == officer.id && $0.status != "resolved" }
            .sorted { ($0.start, $0.id) > ($1.start, $1.id) }
        let date = PromptClock(timeZone: context.timeZone).date(day)
        let bySeverity = Dictionary(grouping: open, by: \.severity)
        let listed = ["critical", "high", "medium"]
        let severities = listed + bySeverity.keys.filter { !listed.contains($0) && $0 != "low" }.sorted()
        var body = PlainText()
        body.paragraph("For \(officer.name) (\(officer.id)).")
        body.paragraph("Your open alerts on \(date): \(open.count)"
            + (open.isEmpty ? "." : " (" + (severities + ["low"]).compactMap { name in
                bySeverity[name].map { "\($0.count) \(name)" } }.joined(separator: ", ") + ")."))
        for severity in severities {
            guard let group = bySeverity[severity] else { continue }
            body.heading("\(severity.prefix(1).uppercased())\(severity.dropFirst()) (\(group.count))")
            for alert in group { body.paragraph(line(alert, context, titled: true), indent: 2, hanging: 4) }
        }
        if let low = bySeverity["low"] {
            body.heading("Low (\(low.count)), gathered here instead of a prompt each")
            let byTitle = Dictionary(grouping: low) { Narrative(PromptFacts(alert: $0, event: .opened, context: context, audience: .officer(officer.id))).title }
            for title in byTitle.keys.sorted() {
                body.paragraph("\(title) (\(byTitle[title]!.count))", indent: 2)
                for alert in byTitle[title]! { body.paragraph(line(alert, context, titled: false), indent: 4, hanging: 4) }
            }
        }
        body.blank()
        if open.isEmpty {
            body.paragraph("Nothing is waiting for you today.")
        } else {
            body.paragraph("You may want to start with the highest severity. To list them, or to see one with its readings:")
            body.paragraph("tagwatch alerts --officer \(officer.id)", indent: 2)
            body.paragraph("tagwatch alerts show ID", indent: 2)
        }
        body.paragraph(Narrative.decidesNothing)
        return Prompt(subject: "[summary] \(Figure.count(open.count, "open alert")) — \(officer.name) (\(officer.id)), \(date)",
                      text: body.text)
    }

    /// `4711 Curfew absence — S-0001 J. Doe, 22 Nov 19:00–20:20 (acknowledged)`; without
    /// the title under a heading that gives it.
    private static func line(_ alert: StoredAlert, _ context: PromptContext, titled: Bool) -> String {
        let narrative = Narrative(PromptFacts(alert: alert, event: .opened, context: context, audience: PromptAudience(event: .opened, alert: alert)))
        let marks = [alert.status == "acknowledged" ? "acknowledged" : nil, alert.escalated ? "escalated" : nil].compactMap { $0 }
        return "\(alert.id) " + (titled ? "\(narrative.title) — " : "") + narrative.about
            + (marks.isEmpty ? "" : " (\(marks.joined(separator: ", ")))")
    }
}
