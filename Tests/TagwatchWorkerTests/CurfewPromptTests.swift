import TagwatchRules
import TagwatchStore
import TagwatchWorker
import Testing

/// `curfew.absence` prompts: minutes out of range, the interval, and each pattern.
@Suite struct CurfewPromptTests {
    static func absence(_ pattern: String, end: String?) -> StoredAlert {
        Fixture.alert(type: "curfew.absence", start: "2026-11-22T19:00:00Z", end: end, openedAt: "2026-11-22T19:06:00Z",
                      details: ["minutesAbsent": .integer(80), "pattern": .text(pattern),
                                "curfewFrom": .time(Fixture.t("2026-11-22T19:00:00Z")),
                                "curfewTo": .time(Fixture.t("2026-11-23T07:00:00Z"))])
    }

    @Test func anAbsenceShowsItsMinutesIntervalAndPattern() {
        let prompt = Prompt(event: .opened, alert: Self.absence("late", end: "2026-11-22T20:20:00Z"), context: Fixture.context)
        #expect(prompt.subject == "[high] Curfew absence — S-0001 J. Doe, 22 Nov 19:00–20:20")
        let text = Fixture.flat(prompt)
        for expected in [
            "Tag RF-001932 was out of range of the home unit for 80 min within the curfew interval from"
                + " 2026-11-22T19:00:00Z (19:00 GMT, Sun 22 Nov 2026) to 2026-11-23T07:00:00Z (07:00 GMT, Mon 23 Nov 2026).",
            "It was out of range when the interval opened and came back within it (pattern: late).",
            "time it was not heard at all is never counted as absence",
            "Opened by the reading at 2026-11-22T19:06:00Z (19:06 GMT, Sun 22 Nov 2026)",
            "You may want to ask J. Doe about that time",
        ] {
            #expect(text.contains(expected), "missing: \(expected)\n\(prompt.text)")
        }
        Fixture.expectCommon(prompt, id: 4711)
    }

    @Test(arguments: [
        ("late", nil, "It was out of range when the interval opened, and still is at the latest reading (pattern: late)."),
        ("during", "2026-11-22T21:00:00Z", "It went out of range after the interval opened and came back within it (pattern: during)."),
        ("during", nil, "It went out of range after the interval opened, and still is at the latest reading (pattern: during)."),
        ("early", "2026-11-23T07:00:00Z", "the interval closed before it came back (pattern: early)."),
        ("whole", "2026-11-23T07:00:00Z", "It was out of range for the whole interval (pattern: whole)."),
    ] as [(String, String?, String)])
    func eachPatternIsDescribed(pattern: String, end: String?, sentence: String) {
        let prompt = Prompt(event: .opened, alert: Self.absence(pattern, end: end), context: Fixture.context)
        #expect(Fixture.flat(prompt).contains(sentence), "\(prompt.text)")
        Fixture.expectCommon(prompt, id: 4711)
    }
}
