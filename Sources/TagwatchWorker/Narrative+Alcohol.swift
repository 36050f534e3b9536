/// `alcohol.drinking` (rules.md, "Sobriety orders"): the curve's figures, and how sure
/// its classification makes the system: a confirmed curve is the shape the body makes
/// as it eliminates alcohol; an unconfirmed spike is typical of alcohol on the skin.
extension Narrative {
    static func drinking(_ facts: PromptFacts) -> Narrative {
        let alert = facts.alert
        let classification = alert.detailText("classification") ?? "pending"
        var happened = [
            "Tag \(alert.deviceName) measured alcohol through the skin in \(facts.integer("readings")) readings"
                + " over \(facts.number("durationHours", places: 1)) h. Smoothed TAC (the median of each"
                + " reading and its neighbours) peaked at \(facts.number("peakTAC", places: 3)) g/dL"
                + " at \(facts.time("peakAt")).",
        ]
        if alert.details["absorptionRate"] != nil {
            happened.append("It rose towards the peak at \(facts.number("absorptionRate", places: 3)) g/dL per hour.")
        }
        if alert.details["eliminationRate"] != nil {
            happened.append("After the peak it fell at \(facts.number("eliminationRate", places: 3)) g/dL per hour.")
        }
        let suggestion = switch classification {
        case "confirmed":
            "You may want to talk with \(facts.who) about this episode and what support would help,"
                + " after looking at the readings."
        case "unconfirmed":
            "Consider asking \(facts.who) about anything used on the skin near the tag around that time"
                + " (sanitiser, perfume, lotion), and checking the tag's fit, before reading more into it."
        default:
            "You may want to wait for the classification when the episode ends; the readings so far can be seen now."
        }
        return Narrative(title: "Alcohol episode (\(classification))", about: facts.about, happened: happened,
                         sure: [drinkingCertainty(facts, classification)], suggestion: suggestion)
    }

    private static func drinkingCertainty(_ facts: PromptFacts, _ classification: String) -> String {
        let hours = Figure.fixed(facts.rules.confirmMinimumHours, places: 1)
        let rate = Figure.fixed(facts.rules.confirmMaximumElimination, places: 3)
        let skin = "typical of alcohol on the skin (sanitiser, perfume) or of a fault"
        switch classification {
        case "confirmed":
            return "Confirmed from its curve: it lasted \(facts.number("durationHours", places: 1)) h (at least"
                + " \(hours) h) and fell at \(facts.number("eliminationRate", places: 3)) g/dL per hour (at most"
                + " \(rate)): the shape the body makes as it eliminates alcohol over hours."
        case "unconfirmed":
            var reasons: [String] = []
            if let duration = facts.alert.detailNumber("durationHours"), duration < facts.rules.confirmMinimumHours {
                reasons.append("it lasted \(Figure.fixed(duration, places: 1)) h, under \(hours) h")
            }
            if let elimination = facts.alert.detailNumber("eliminationRate"), elimination > facts.rules.confirmMaximumElimination {
                reasons.append("it fell at \(Figure.fixed(elimination, places: 3)) g/dL per hour, faster than \(rate)")
            }
            let why = reasons.isEmpty ? "its curve did not meet the rules for a confirmed one" : reasons.joined(separator: " and ")
            return "Unconfirmed: \(why). A short spike or a sudden drop is \(skin), rather than of"
                + " alcohol leaving the body over hours. It still goes to a person."
        default:
            return "Not classified yet (\(classification)): the episode is still going on. When it ends, a"
                + " curve lasting at least \(hours) h and falling at most \(rate) g/dL per hour is"
                + " confirmed, the shape the body makes; a shorter spike or a faster drop, \(skin),"
                + " is unconfirmed."
        }
    }
}
