/// `system.delivery_failed` (alerts.md, "Retries"): a prompt that could not be
/// delivered is itself something a person must know about. The details it reads are
/// listed on ``WorkerAlertType``.
extension Narrative {
    static func deliveryFailure(_ facts: PromptFacts) -> Narrative {
        let alert = facts.alert
        let recipient = alert.detailText("recipient") ?? PromptFacts.unrecorded
        let about = alert.detailInteger("alert").map { "alert \($0)" } ?? "a daily summary"
        var narrative = Narrative(
            title: "Prompt not delivered", about: "\(about) for \(recipient)",
            happened: [
                "A prompt (event \(alert.detailText("event") ?? PromptFacts.unrecorded)) about \(about) for \(recipient)"
                    + " could not be delivered by \(alert.detailText("channel") ?? PromptFacts.unrecorded) after"
                    + " \(facts.integer("attempts")) attempts, and has been set aside.",
                "The last attempt ended with: \(alert.detailText("lastError") ?? PromptFacts.unrecorded).",
            ],
            sure: ["Every attempt failed: no 2xx answer from the webhook within 10 s, or no mail written to the"
                + " spool. Attempts were spaced from 30 s to 1 h apart. The person it was for has not had it"
                + " from Tagwatch."],
            suggestion: "You may want to pass \(about) to \(recipient) another way, and check the contact"
                + " details in the caseload and the receiving system.")
        narrative.fromReadings = false
        narrative.related = alert.detailInteger("alert")
        return narrative
    }
}
