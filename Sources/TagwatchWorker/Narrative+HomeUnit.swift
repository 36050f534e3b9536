/// `hmu.moved`, `hmu.case_open` and `hmu.power_loss` (rules.md, "Tamper and equipment"):
/// what the home unit reported about itself, and what else reads the same.
extension Narrative {
    static func moved(_ facts: PromptFacts) -> Narrative {
        Narrative(
            title: "Home unit moved", about: facts.about,
            happened: ["Home unit \(facts.alert.deviceName) reported being moved.", facts.cleared("it moving")],
            sure: ["The unit's motion sensor reports this itself. Moving the unit to clean or rearrange a"
                + " room reads the same, and a unit moved from where it was installed may no longer hear"
                + " the tag across the home."],
            suggestion: "Consider asking \(facts.who) whether the unit was moved, and arranging a check that it still covers the address.")
    }

    static func caseOpen(_ facts: PromptFacts) -> Narrative {
        Narrative(
            title: "Home unit case open", about: facts.about,
            happened: ["Home unit \(facts.alert.deviceName) reported its case open.", facts.cleared("the case open")],
            sure: ["The unit's case sensor reports open or closed itself; a technician's visit or a faulty"
                + " sensor reads the same."],
            suggestion: "Consider checking whether a technician visit was booked, and arranging an inspection of the unit if not.")
    }

    static func powerLoss(_ facts: PromptFacts) -> Narrative {
        let minutes = facts.integer("minutesOffMains")
        let until = facts.alert.end.map { ", until \(facts.full($0))." } ?? " so far, running on its battery meanwhile."
        return Narrative(
            title: "Home unit off mains power", about: facts.about,
            happened: ["Home unit \(facts.alert.deviceName) was off mains power for \(minutes) min\(until)"],
            sure: ["The unit reports whether it is on mains; an alert is raised once it has been off for more"
                + " than \(facts.rules.powerLossMinutes) min. A power cut, a switched-off socket and an"
                + " unplugged unit look the same."],
            suggestion: "Consider checking for a power cut in the area, or asking \(facts.who) to keep the unit plugged in and switched on.")
    }
}
