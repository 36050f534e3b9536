import Testing
import TagwatchRules

/// The same readings give the same alerts, in one batch or spread over several.
@Suite struct DeterminismTests {
    @Test func oneBatchOrThreeGiveTheSameAlerts() throws {
        let time = { (clock: String) in at("2026-11-23T\(clock):00Z") }
        var tag = Tape(Serial.tag)
        tag.strap(ok: false, at: time("10:00"))
        tag.batt(12, at: time("10:20"))
        tag.strap(ok: true, at: time("10:40"))
        tag.batt(90, at: time("11:40"))
        var unit = Tape(Serial.hmu)
        unit.hmu([.onMains, .moved], at: time("10:00"))
        unit.hmu([], at: time("10:15"))
        unit.hmu([.caseOpen], at: time("10:30"))
        unit.hmu([], at: time("10:45"))
        unit.hmu([], at: time("11:00"))
        unit.hmu([.onMains], at: time("11:15"))
        let readings = (tag.readings + unit.readings).sorted { $0.time < $1.time }

        var whole = Run(.curfew())
        let once = latest([whole.batch(readings)])

        var split = Run(.curfew())
        var batches: [[AlertChange]] = []
        for range in [0..<3, 3..<7, 7..<readings.count] {
            batches.append(split.batch(Array(readings[range])))
            try split.restart()
        }
        #expect(latest(batches) == once)
        // strap, battery, moved, case open, power loss (10:15–11:15, 60 min).
        #expect(once.count == 5)
    }

    /// Each episode's alert as the last change left it.
    private func latest(_ batches: [[AlertChange]]) -> [EpisodeKey: AlertChange] {
        var alerts: [EpisodeKey: AlertChange] = [:]
        for change in batches.joined() { alerts[change.key] = change }
        return alerts
    }
}
