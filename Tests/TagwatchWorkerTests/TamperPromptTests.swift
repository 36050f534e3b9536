import TagwatchRules
import TagwatchStore
import TagwatchWorker
import Testing

/// `tamper.*` prompts: the off-skin readings and why the type is removal or
/// obstruction; the strap as its sensor reports it.
@Suite struct TamperPromptTests {
    static func offSkin(_ type: String, cold: Int64) -> StoredAlert {
        Fixture.alert(type: type, device: "TAC-000417", start: "2026-11-03T02:00:00Z", end: "2026-11-03T05:00:00Z",
                      openedAt: "2026-11-03T03:30:00Z",
                      details: ["readingsOffSkin": .integer(6), "coldReadings": .integer(cold), "baselineIR": .number(1.823)])
    }

    @Test func aRemovalNamesTheColdReadingsAsItsReason() {
        let prompt = Prompt(event: .opened, alert: Self.offSkin("tamper.removal", cold: 4), context: Fixture.context)
        #expect(prompt.subject == "[high] Possible tag removal — S-0001 J. Doe, 3 Nov 02:00–05:00")
        let text = Fixture.flat(prompt)
        for expected in [
            "6 readings in a row from tag TAC-000417 were off the skin",
            "differed by more than 0.40 V from the tag's own baseline of 1.823 V (the median of its first 6 readings).",
            "4 of the first 4 were colder than 24.0 °C.",
            "Marked a possible removal because at least 3 of those first 4 readings were colder than 24.0 °C",
            "Started: 2026-11-03T02:00:00Z (02:00 GMT, Tue 3 Nov 2026)",
            "You may want to contact J. Doe to check that the tag is still worn",
        ] {
            #expect(text.contains(expected), "missing: \(expected)\n\(prompt.text)")
        }
        Fixture.expectCommon(prompt, id: 4711)
    }

    @Test func anObstructionNamesTheWarmReadingsAsItsReason() {
        let prompt = Prompt(event: .opened, alert: Self.offSkin("tamper.obstruction", cold: 1), context: Fixture.context)
        #expect(prompt.subject == "[high] Possible tag obstruction — S-0001 J. Doe, 3 Nov 02:00–05:00")
        let text = Fixture.flat(prompt)
        for expected in [
            "1 of the first 4 were colder than 24.0 °C.",
            "Marked a possible obstruction because fewer than 3 of those first 4 readings were colder than 24.0 °C",
            "Consider asking J. Doe whether anything was worn under the tag",
        ] {
            #expect(text.contains(expected), "missing: \(expected)\n\(prompt.text)")
        }
        Fixture.expectCommon(prompt, id: 4711)
    }

    @Test func aStrapSaysWhetherItClosedAgain() {
        let closed = Fixture.alert(type: "tamper.strap", severity: "critical", start: "2026-07-01T22:50:00Z", end: "2026-07-01T23:10:00Z")
        let prompt = Prompt(event: .opened, alert: closed, context: Fixture.context)
        // 22:50Z is 23:50 BST on the 1st; 23:10Z is 00:10 BST on the 2nd.
        #expect(prompt.subject == "[critical] Tag strap open — S-0001 J. Doe, 1 Jul 23:50–2 Jul 00:10")
        #expect(Fixture.flat(prompt).contains(
            "A reading at 2026-07-01T23:10:00Z (00:10 BST, Thu 2 Jul 2026) no longer showed the strap open."))
        Fixture.expectCommon(prompt, id: 4711)

        let open = Fixture.alert(type: "tamper.strap", severity: "critical", start: "2026-07-01T22:50:00Z", end: nil)
        let text = Fixture.flat(Prompt(event: .opened, alert: open, context: Fixture.context))
        #expect(text.contains("No reading since has shown it cleared."))
        #expect(text.contains("Still going on at the latest data."))
    }
}
