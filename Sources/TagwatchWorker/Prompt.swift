import TagwatchStore

/// The message a person receives about an alert (alerts.md, "The follow-up worker"): a
/// subject line, and a text that says what happened, when (in UTC and in the subject's
/// local time), how sure the system is, what the evidence is, a suggested next step,
/// and that the system decides nothing. Lines are at most 78 characters. The same
/// event, alert and context always give the same prompt.
public struct Prompt: Sendable, Equatable {
    public var subject: String
    public var text: String

    public init(subject: String, text: String) {
        self.subject = subject
        self.text = text
    }

    /// The prompt for `event` on `alert`: `[high] Curfew absence — S-0001 J. Doe,
    /// 22 Nov 19:00–20:20`, and its text, addressed to `audience` (by default as
    /// ``PromptAudience`` says; the worker passes the recipient the outbox names, so the
    /// greeting is always to whoever receives it).
    public init(event: PromptEvent, alert: StoredAlert, context: PromptContext, to audience: PromptAudience? = nil) {
        let facts = PromptFacts(alert: alert, event: event, context: context,
                                audience: audience ?? PromptAudience(event: event, alert: alert))
        let narrative = Narrative(facts)
        subject = facts.subjectLine(narrative)
        var body = PlainText()
        body.paragraph(facts.greeting)
        body.paragraph(facts.lead)
        body.heading("What happened")
        for paragraph in narrative.happened { body.paragraph(paragraph) }
        body.heading("When")
        facts.when(narrative, into: &body)
        body.heading(narrative.sureHeading)
        for paragraph in narrative.sure { body.paragraph(paragraph) }
        body.heading("Evidence")
        facts.evidence(narrative, into: &body)
        body.heading("Suggested next step")
        body.paragraph(narrative.suggestion)
        body.blank()
        for paragraph in narrative.closing { body.paragraph(paragraph) }
        text = body.text
    }
}
