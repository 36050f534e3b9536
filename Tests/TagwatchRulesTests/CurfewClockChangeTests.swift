import Testing
import TagwatchRules

/// 19:00–07:00 local in Europe/London across the clock changes (BST = UTC+1).
@Suite struct CurfewClockChangeTests {
    @Test func octoberNightIsThirteenHours() {
        // Sat 24 Oct 19:00 BST = 18:00Z; Sun 25 Oct 07:00 GMT = 07:00Z: 13 h = 780 min.
        let changes = absences([
            (true, "2026-10-24T16:30:00Z", "2026-10-24T17:00:00Z"),
            (false, "2026-10-24T17:00:00Z", "2026-10-25T08:00:00Z"),
            (true, "2026-10-25T08:00:00Z", "2026-10-25T08:30:00Z"),
        ])
        #expect(changes.count == 1)
        #expect(changes.first?.start == at("2026-10-24T18:00:00Z"))
        #expect(changes.first?.end == at("2026-10-25T07:00:00Z"))
        #expect(changes.first?.text("pattern") == "whole")
        #expect(changes.first?.integer("minutesAbsent") == 780)
    }

    @Test func marchNightIsElevenHours() {
        // Sat 27 Mar 19:00 GMT = 19:00Z; Sun 28 Mar 07:00 BST = 06:00Z: 11 h = 660 min.
        let changes = absences([
            (true, "2027-03-27T17:30:00Z", "2027-03-27T18:00:00Z"),
            (false, "2027-03-27T18:00:00Z", "2027-03-28T07:00:00Z"),
            (true, "2027-03-28T07:00:00Z", "2027-03-28T07:30:00Z"),
        ])
        #expect(changes.count == 1)
        #expect(changes.first?.start == at("2027-03-27T19:00:00Z"))
        #expect(changes.first?.end == at("2027-03-28T06:00:00Z"))
        #expect(changes.first?.text("pattern") == "whole")
        #expect(changes.first?.integer("minutesAbsent") == 660)
    }
}
