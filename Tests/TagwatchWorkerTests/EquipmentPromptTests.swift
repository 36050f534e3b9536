import TagwatchRules
import TagwatchStore
import TagwatchWorker
import Testing

/// Home unit and device prompts: what the device reported, or that its silence leaves
/// presence unverified.
@Suite struct EquipmentPromptTests {
    static func expect(_ prompt: Prompt, holds expected: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let text = Fixture.flat(prompt)
        for sentence in expected {
            #expect(text.contains(sentence), "missing: \(sentence)\n\(prompt.text)", sourceLocation: sourceLocation)
        }
        Fixture.expectCommon(prompt, id: 4711, sourceLocation: sourceLocation)
    }

    @Test func homeUnitMovedAndCaseOpen() {
        let moved = Fixture.alert(type: "hmu.moved", device: "HMU-001932", start: "2026-11-05T10:15:00Z", end: "2026-11-05T10:45:00Z")
        let prompt = Prompt(event: .opened, alert: moved, context: Fixture.context)
        #expect(prompt.subject == "[high] Home unit moved — S-0001 J. Doe, 5 Nov 10:15–10:45")
        Self.expect(prompt, holds: [
            "Home unit HMU-001932 reported being moved.",
            "A reading at 2026-11-05T10:45:00Z (10:45 GMT, Thu 5 Nov 2026) no longer showed it moving.",
            "Moving the unit to clean or rearrange a room reads the same",
            "Consider asking J. Doe whether the unit was moved",
        ])
        let opened = Fixture.alert(type: "hmu.case_open", device: "HMU-001932", start: "2026-11-05T10:15:00Z", end: nil)
        Self.expect(Prompt(event: .opened, alert: opened, context: Fixture.context), holds: [
            "Home unit HMU-001932 reported its case open.", "No reading since has shown it cleared.",
            "a technician's visit or a faulty sensor reads the same", "Consider checking whether a technician visit was booked",
        ])
    }

    @Test func powerLossShowsItsMinutesOffMains() {
        let ended = Fixture.alert(type: "hmu.power_loss", severity: "low", device: "HMU-001932",
                                  start: "2026-11-05T08:00:00Z", end: "2026-11-05T09:35:00Z", details: ["minutesOffMains": .integer(95)])
        Self.expect(Prompt(event: .opened, alert: ended, context: Fixture.context), holds: [
            "Home unit HMU-001932 was off mains power for 95 min, until 2026-11-05T09:35:00Z (09:35 GMT, Thu 5 Nov 2026).",
            "an alert is raised once it has been off for more than 30 min",
            "Consider checking for a power cut in the area",
        ])
        let ongoing = Fixture.alert(type: "hmu.power_loss", severity: "low", device: "HMU-001932",
                                    start: "2026-11-05T08:00:00Z", end: nil, details: ["minutesOffMains": .integer(41)])
        Self.expect(Prompt(event: .opened, alert: ongoing, context: Fixture.context), holds: [
            "off mains power for 41 min so far, running on its battery meanwhile.",
        ])
    }

    @Test func batteryLowShowsItsLowestLevel() {
        let alert = Fixture.alert(type: "device.battery_low", severity: "low", start: "2026-11-05T08:00:00Z",
                                  end: "2026-11-05T20:00:00Z", details: ["lowestPercent": .integer(12)])
        Self.expect(Prompt(event: .opened, alert: alert, context: Fixture.context), holds: [
            "Device RF-001932 reported its battery at 12 % at its lowest (low is 15 % or less).",
            "A reading at 2026-11-05T20:00:00Z (20:00 GMT, Thu 5 Nov 2026) no longer showed it low.",
            "You may want to remind J. Doe to charge the device",
        ])
    }

    @Test func noContactSaysSilenceIsUnverifiedNotAbsent() {
        let alert = Fixture.alert(type: "device.no_contact", start: "2026-11-22T18:30:00Z", end: "2026-11-22T21:30:00Z",
                                  details: ["silentMinutes": .integer(180), "curfewMinutesUnverified": .integer(135)])
        Self.expect(Prompt(event: .opened, alert: alert, context: Fixture.context), holds: [
            "Nothing was heard from RF-001932 for 180 min after its reading at 2026-11-22T18:30:00Z (18:30 GMT, Sun 22 Nov 2026);"
                + " the next reading came at 2026-11-22T21:30:00Z (21:30 GMT, Sun 22 Nov 2026).",
            "135 min of that silence fell in curfew time: presence then cannot be verified.",
            "Silence means readings did not arrive, not that J. Doe was absent",
            "Unverified curfew time is neither kept nor missed; it is unknown.",
            "You may want to contact J. Doe or arrange a visit",
        ])
        let daytime = Fixture.alert(type: "device.no_contact", severity: "medium", start: "2026-11-22T10:00:00Z", end: nil,
                                    details: ["silentMinutes": .integer(45), "curfewMinutesUnverified": .integer(0)])
        Self.expect(Prompt(event: .opened, alert: daytime, context: Fixture.context), holds: [
            "for 45 min after its reading at 2026-11-22T10:00:00Z (10:00 GMT, Sun 22 Nov 2026), up to the latest time"
                + " Tagwatch has data for; no reading has arrived since.",
            "None of that silence fell in curfew time.",
        ])
    }

    @Test func dataGapShowsTheLostNumbers() {
        let alert = Fixture.alert(type: "device.data_gap", severity: "low", start: "2026-11-22T10:00:00Z", end: "2026-11-22T16:00:00Z",
                                  details: ["firstSeqLost": .integer(310), "lastSeqLost": .integer(321), "readingsLost": .integer(12)],
                                  seqs: 309...322)
        Self.expect(Prompt(event: .opened, alert: alert, context: Fixture.context), holds: [
            "12 readings of RF-001932 never arrived (seq 310 to 321), between its readings at 2026-11-22T10:00:00Z"
                + " (10:00 GMT, Sun 22 Nov 2026) and 2026-11-22T16:00:00Z (16:00 GMT, Sun 22 Nov 2026).",
            "still missing after waiting 6.0 h for them",
            "Device RF-001932, readings seq 309 to 322.",
            "Consider checking the device's connection",
        ])
    }

    /// No subject: for the centre, in UTC unless the context gives a zone.
    @Test func anUnassignedDeviceGoesToTheCentre() {
        let alert = Fixture.alert(type: "device.unassigned", severity: "low", subject: nil, order: nil, device: "RF-009999",
                                  start: "2026-11-22T19:00:00Z", end: nil,
                                  details: ["readings": .integer(37), "lastHeard": .time(Fixture.t("2026-11-23T01:30:00Z"))],
                                  streams: [])
        let prompt = Prompt(event: .opened, alert: alert, context: Fixture.context)
        #expect(prompt.subject == "[low] Readings from an unassigned device — RF-009999, from 22 Nov 19:00 UTC")
        #expect(PromptAudience(event: .opened, alert: alert) == .centre)
        Self.expect(prompt, holds: [
            "For the duty contact of North monitoring centre.",
            "Device RF-009999 sent 37 readings while assigned to no one, from 2026-11-22T19:00:00Z; the latest at 2026-11-23T01:30:00Z.",
            "No kept stream is linked to them.",
            "Consider checking the caseload for a missing assignment of RF-009999",
        ])
        var london = Fixture.context
        london.timeZone = "Europe/London"
        #expect(Prompt(event: .opened, alert: alert, context: london).subject
                == "[low] Readings from an unassigned device — RF-009999, from 22 Nov 19:00")
    }
}
