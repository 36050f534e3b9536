import TagwatchRules

/// The `curfew.absence` changes of one batch of the tag's `rf` readings: each stretch
/// `(inRange, from, to)` gives a reading every minute from `from` up to `to`.
func absences(_ stretches: [(Bool, String, String)], fixture: RulesFixture = .curfew()) -> [AlertChange] {
    var tape = Tape(Serial.tag)
    for (inRange, from, to) in stretches { tape.rf(inRange, from: at(from), to: at(to)) }
    var run = Run(fixture)
    return run.batch(tape.readings).of(.curfewAbsence)
}
