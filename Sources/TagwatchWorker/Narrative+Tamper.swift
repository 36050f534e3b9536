/// `tamper.removal`, `tamper.obstruction` and `tamper.strap` (rules.md, "Tamper"): what
/// the infrared, temperature or strap readings showed, and why the type is what it is.
extension Narrative {
    static func offSkin(_ facts: PromptFacts, removal: Bool) -> Narrative {
        let rules = facts.rules
        let first = rules.tamperReadings
        let cold = "colder than \(Figure.fixed(rules.removalTemperature, places: 1)) °C"
        let happened = "\(facts.integer("readingsOffSkin")) readings in a row from tag \(facts.alert.deviceName) were off"
            + " the skin: their infrared (IR) level differed by more than"
            + " \(Figure.fixed(rules.offSkinVolts, places: 2)) V from the tag's own baseline of"
            + " \(facts.number("baselineIR", places: 3)) V (the median of its first \(rules.baselineReadings) readings)."
            + " \(facts.integer("coldReadings")) of the first \(first) were \(cold)."
        let drift = "Worn tags drift by up to about 0.3 V and read cold on a cold evening, so neither sign alone raises anything."
        guard removal else {
            return Narrative(
                title: "Possible tag obstruction", about: facts.about, happened: [happened],
                sure: ["Marked a possible obstruction because fewer than \(rules.removalColdReadings) of those first"
                    + " \(first) readings were \(cold): the tag stayed warm while off the skin, as when"
                    + " something (a sock, a bandage) lies between the tag and the leg. \(drift)"],
                suggestion: "Consider asking \(facts.who) whether anything was worn under the tag, and checking its fit at the next visit.")
        }
        return Narrative(
            title: "Possible tag removal", about: facts.about, happened: [happened],
            sure: ["Marked a possible removal because at least \(rules.removalColdReadings) of those first"
                + " \(first) readings were \(cold): off the skin and away from the body's warmth. \(drift)"],
            suggestion: "You may want to contact \(facts.who) to check that the tag is still worn and fitted, or arrange a visit to inspect it.")
    }

    static func strap(_ facts: PromptFacts) -> Narrative {
        Narrative(
            title: "Tag strap open", about: facts.about,
            happened: ["Tag \(facts.alert.deviceName) reported its strap open.", facts.cleared("the strap open")],
            sure: ["The strap's own sensor reports open or closed; a faulty clasp or sensor reads the same as a"
                + " strap that was opened. Closing again does not close the alert: a strap open for five"
                + " minutes is still worth a look."],
            suggestion: "You may want to contact \(facts.who) and arrange for the strap and the tag to be inspected.")
    }
}
