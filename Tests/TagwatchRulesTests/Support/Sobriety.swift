import TagwatchCaseload
import TagwatchRules

/// 2026-11-23T12:00:00Z, where the sobriety tests' readings start.
let noon = at("2026-11-23T12:00:00Z")

/// The time of the `index`th `tac` reading from `start`, 30 min apart.
func r(_ index: Int, from start: Int64 = noon) -> Int64 { start + Int64(index) * 30 * minute }

/// The `alcohol.drinking` changes of one batch of `tac` readings, 30 min apart from
/// `start`, on the skin, for a subject with a sobriety order.
func drinking(_ values: [Float], from start: Int64 = noon, risk: Risk = .medium) -> [AlertChange] {
    var fixture = RulesFixture.sobriety
    fixture.risk = risk
    var run = Run(fixture)
    var tape = Tape(Serial.alcohol)
    tape.tac(values, from: start)
    return run.batch(tape.readings).of(.alcoholDrinking)
}
