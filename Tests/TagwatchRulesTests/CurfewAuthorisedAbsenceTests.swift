import Testing
import TagwatchRules

/// Curfew intervals minus authorised absences: 19:00–07:00 with an authorised absence
/// 20:00–21:00 leaves 19:00–20:00 and 21:00–07:00.
@Suite struct CurfewAuthorisedAbsenceTests {
    private var fixture: RulesFixture {
        var fixture = RulesFixture.curfew()
        fixture.absences = [(at("2026-11-23T20:00:00Z"), at("2026-11-23T21:00:00Z"))]
        return fixture
    }

    @Test func awayBeyondTheAuthorisedAbsenceIsLateFromItsEnd() {
        // Away 20:30–21:30: the interval reopens at 21:00 with the subject away → late, 21:00–21:30.
        let changes = absences([
            (true, "2026-11-23T19:30:00Z", "2026-11-23T20:30:00Z"),
            (false, "2026-11-23T20:30:00Z", "2026-11-23T21:30:00Z"),
            (true, "2026-11-23T21:30:00Z", "2026-11-23T22:00:00Z"),
        ], fixture: fixture)
        #expect(changes.count == 1)
        #expect(changes.first?.start == at("2026-11-23T21:00:00Z"))
        #expect(changes.first?.end == at("2026-11-23T21:30:00Z"))
        #expect(changes.first?.text("pattern") == "late")
        #expect(changes.first?.integer("minutesAbsent") == 30)
    }

    @Test func awayOnlyWithinTheAuthorisedAbsenceRaisesNothing() {
        let changes = absences([
            (true, "2026-11-23T19:30:00Z", "2026-11-23T20:10:00Z"),
            (false, "2026-11-23T20:10:00Z", "2026-11-23T20:50:00Z"),
            (true, "2026-11-23T20:50:00Z", "2026-11-23T21:30:00Z"),
        ], fixture: fixture)
        #expect(changes.isEmpty)
    }

    @Test func leavingBeforeTheAuthorisedAbsenceIsEarly() {
        // Away 19:30–20:30: the interval 19:00–20:00 closes before the return → early, 19:30–20:00.
        let changes = absences([
            (true, "2026-11-23T19:00:00Z", "2026-11-23T19:30:00Z"),
            (false, "2026-11-23T19:30:00Z", "2026-11-23T20:30:00Z"),
            (true, "2026-11-23T20:30:00Z", "2026-11-23T20:40:00Z"),
        ], fixture: fixture)
        #expect(changes.count == 1)
        #expect(changes.first?.start == at("2026-11-23T19:30:00Z"))
        #expect(changes.first?.end == at("2026-11-23T20:00:00Z"))
        #expect(changes.first?.text("pattern") == "early")
    }
}
