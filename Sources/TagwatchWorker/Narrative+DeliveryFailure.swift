/// `system.delivery_failed` (alerts.md, "Retries"): a prompt that could not be
/// delivered is itself something a person must know about. The details it reads are
/// listed on ``WorkerAlertType``.
extension Narrative {
    static func deliveryFailure(_ facts: PromptFacts) -> Narrative {
        let alert = facts.alert
        let recipient = alert.detailText("recipient") ?? PromptFacts.unrecorded
        let about = alert.detailInteger("alert").map { "alert \($0)" } ?? "a daily summary"
        let event = alert.detailText("event") ?? PromptFacts.unrecorded
        let attempted = (alert.detailInteger("attempts") ?? 0) > 0
        let happened: [String]
        let sure: [String]
        if attempted, let channel = alert.detailText("channel") {
            happened = [
                "A prompt (event \(event)) about \(about) for \(recipient) could not be delivered by \(channel)"
                    + " after \(facts.integer("attempts")) attempts, and has been set aside.",
                "The last attempt ended with: \(alert.detailText("lastError") ?? PromptFacts.unrecorded).",
            ]
            sure = ["Every attempt by \(channel) failed: no 2xx answer from the webhook within 10 s, or no mail"
                + " written to the spool, with waits of 30 s doubling to 1 h between them. Another channel the"
                + " caseload gives \(recipient), if any, is tried on its own; this one has not reached them."]
        } else {
            happened = ["A prompt (event \(event)) about \(about) for \(recipient) was not sent: "
                + "\(alert.detailText("lastError") ?? PromptFacts.unrecorded)."]
            sure = ["Nothing was attempted: there is nowhere to send it until the caseload gives an address."]
        }
        var narrative = Narrative(
            title: "Prompt not delivered", about: "\(about) for \(recipient)",
            happened: happened,
            sure: sure,
            suggestion: "You may want to pass \(about) to \(recipient) another way, and check the contact"
                + " details in the caseload and the receiving system.")
        narrative.fromReadings = false
        narrative.related = alert.detailInteger("alert")
        return narrative
    }
}
