/// `device.battery_low`, `device.no_contact`, `device.data_gap` and `device.unassigned`
/// (rules.md, "Tamper and equipment"): what the device's data, or its silence, shows.
/// Silence leaves presence unverified; it is never an absence.
extension Narrative {
    static func batteryLow(_ facts: PromptFacts) -> Narrative {
        Narrative(
            title: "Low battery", about: facts.about,
            happened: ["Device \(facts.alert.deviceName) reported its battery at \(facts.integer("lowestPercent")) %"
                + " at its lowest (low is \(facts.rules.batteryLowPercent) % or less).", facts.cleared("it low")],
            sure: ["This is the device's own measurement. A device whose battery runs flat goes silent, and"
                + " then nothing it would show can be verified."],
            suggestion: "You may want to remind \(facts.who) to charge the device, or arrange a replacement if it does not hold a charge.")
    }

    static func noContact(_ facts: PromptFacts) -> Narrative {
        let alert = facts.alert
        let next = alert.end.map { "; the next reading came at \(facts.full($0))." }
            ?? ", up to the latest time Tagwatch has data for; no reading has arrived since."
        let unverified = alert.detailInteger("curfewMinutesUnverified") ?? 0
        return Narrative(
            title: "No contact", about: facts.about,
            happened: [
                "Nothing was heard from \(alert.deviceName) for \(facts.integer("silentMinutes")) min after its reading"
                    + " at \(facts.full(alert.start))\(next)",
                unverified > 0
                    ? "\(unverified) min of that silence fell in curfew time: presence then cannot be verified."
                    : "None of that silence fell in curfew time.",
            ],
            sure: ["Silence means readings did not arrive, not that \(facts.who) was absent: a home unit"
                + " without power or signal, a flat battery or a network fault look the same, and readings"
                + " may still arrive late. Unverified curfew time is neither kept nor missed; it is unknown."],
            suggestion: "You may want to contact \(facts.who) or arrange a visit to check the equipment.")
    }

    static func dataGap(_ facts: PromptFacts) -> Narrative {
        let alert = facts.alert
        let after = alert.end.map { " and \(facts.full($0))" } ?? ""
        return Narrative(
            title: "Readings lost", about: facts.about,
            happened: ["\(facts.integer("readingsLost")) readings of \(alert.deviceName) never arrived (seq"
                + " \(facts.integer("firstSeqLost")) to \(facts.integer("lastSeqLost"))), between its readings at"
                + " \(facts.full(alert.start))\(after)."],
            sure: ["Each device numbers its readings; these numbers were still missing after waiting"
                + " \(Figure.hours(minutes: Int64(facts.rules.gapHoldMinutes))) for them, so they were declared"
                + " lost. What the device showed in that time is unknown."],
            suggestion: "Consider checking the device's connection if gaps recur; a gap alone says nothing about \(facts.who).")
    }

    static func unassigned(_ facts: PromptFacts) -> Narrative {
        let alert = facts.alert
        return Narrative(
            title: "Readings from an unassigned device", about: facts.about,
            happened: ["Device \(alert.deviceName) sent \(facts.integer("readings")) readings while assigned to no one,"
                + " from \(facts.full(alert.start)); the latest at \(facts.time("lastHeard"))."],
            sure: ["No assignment in the caseload covers these times, so the readings concern no known"
                + " subject. A missing or mistyped assignment, a start time set too late, or a device in"
                + " stock switched on all look the same."],
            suggestion: "Consider checking the caseload for a missing assignment of \(alert.deviceName), and adding it if the device is worn.")
    }
}
