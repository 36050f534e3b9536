/// `curfew.absence` (rules.md, "Curfew orders"): minutes out of range inside one curfew
/// interval, and its pattern, judged against the interval.
extension Narrative {
    static func absence(_ facts: PromptFacts) -> Narrative {
        let alert = facts.alert
        let happened = "Tag \(alert.deviceName) was out of range of the home unit for \(facts.integer("minutesAbsent")) min"
            + " within the curfew interval from \(facts.time("curfewFrom")) to \(facts.time("curfewTo"))."
        return Narrative(
            title: "Curfew absence", about: facts.about,
            happened: [happened, pattern(alert.detailText("pattern"), ongoing: alert.end == nil)],
            sure: ["Presence comes from the tag's radio readings at the home unit: each says in range or out of"
                + " range until the next. Only time the tag was heard out of range counts here; time it was"
                + " not heard at all is never counted as absence (that is a no-contact alert). Authorised"
                + " absences in the caseload are already left out of the curfew, and stretches within the"
                + " order's grace raise nothing."],
            suggestion: "You may want to ask \(facts.who) about that time, and check whether an authorised"
                + " absence (work, hospital, court) is missing from the caseload.")
    }

    private static func pattern(_ pattern: String?, ongoing: Bool) -> String {
        switch (pattern, ongoing) {
        case ("late", true):
            "It was out of range when the interval opened, and still is at the latest reading (pattern: late)."
        case ("late", false):
            "It was out of range when the interval opened and came back within it (pattern: late)."
        case ("during", true):
            "It went out of range after the interval opened, and still is at the latest reading (pattern: during)."
        case ("during", false):
            "It went out of range after the interval opened and came back within it (pattern: during)."
        case ("early", _):
            "It went out of range after the interval opened, and the interval closed before it came back (pattern: early)."
        case ("whole", _):
            "It was out of range for the whole interval (pattern: whole)."
        default:
            "Pattern: \(pattern ?? PromptFacts.unrecorded)."
        }
    }
}
