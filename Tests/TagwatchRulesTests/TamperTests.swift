import Testing
import TagwatchRules

/// First six `ir`: sorted 2.5 2.6 2.7 2.7 2.8 2.9 → baseline (2.7 + 2.7) / 2 = 2.7 V, so
/// off the skin is `ir` < 2.3 or > 3.1.
private let baselineIR: [Float] = [2.6, 2.7, 2.8, 2.7, 2.9, 2.5]

/// The tamper changes of six baseline readings then `ir`/`temp` pairs, 30 min apart from noon.
private func tamper(ir: [Float], temp: [Float], baseline: [Float] = baselineIR) -> [AlertChange] {
    var tape = Tape(Serial.alcohol)
    tape.skin(ir: baseline + ir, temp: Array(repeating: 33, count: baseline.count) + temp, from: noon)
    var run = Run(.sobriety)
    return run.batch(tape.readings).filter { $0.type == .tamperRemoval || $0.type == .tamperObstruction }
}

/// `tamper.removal` / `tamper.obstruction`: 4 consecutive off-skin readings, typed by how
/// many of those 4 are below 24 °C; ended by the first reading back on the skin.
@Suite struct TamperTests {
    @Test func fourOffSkinReadingsRaiseAndOnSkinEnds() {
        // Readings 6..9 (15:00..16:30) at 0.5 V and 20 °C, reading 10 (17:00) back on the skin.
        let changes = tamper(ir: [0.5, 0.5, 0.5, 0.5, 2.7], temp: [20, 20, 20, 20, 33])
        #expect(changes.count == 1)
        guard let alert = changes.first else { return }
        #expect(alert.type == .tamperRemoval)
        #expect(alert.start == r(6))
        #expect(alert.openedAt == r(9))
        #expect(alert.end == r(10))
        #expect(alert.severity == .high)
    }

    @Test func threeOffSkinReadingsRaiseNothing() {
        #expect(tamper(ir: [0.5, 0.5, 0.5, 2.7, 2.7], temp: [20, 20, 20, 33, 33]).isEmpty)
    }

    @Test(arguments: [
        ([Float(20), 20, 20, 30], AlertType.tamperRemoval),
        ([20, 30, 20, 20], .tamperRemoval),
        ([20, 20, 30, 30], .tamperObstruction),
        // Decided at the fourth: later cold readings do not change it.
        ([30, 30, 30, 20, 20, 20, 20], .tamperObstruction),
    ])
    func typeIsDecidedByTheFirstFourTemperatures(temps: [Float], type: AlertType) {
        let changes = tamper(ir: Array(repeating: 0.5, count: temps.count), temp: temps)
        #expect(changes.map(\.type) == [type])
        #expect(changes.first?.start == r(6))
        #expect(changes.first?.openedAt == r(9))
        #expect(changes.first?.end == nil)
    }

    @Test func coldReadingsOnTheSkinRaiseNothing() {
        #expect(tamper(ir: Array(repeating: 2.7, count: 8), temp: Array(repeating: 19, count: 8)).isEmpty)
    }

    @Test func baselineIsTheMedianNotTheMean() {
        // First six 0.1 2.7 2.7 2.7 2.7 2.7: median 2.7 (mean 2.267). 2.25 V is 0.45 from
        // the median → off the skin (0.017 from the mean would be on it). 33 °C → obstruction.
        let changes = tamper(ir: [2.25, 2.25, 2.25, 2.25], temp: [33, 33, 33, 33],
                             baseline: [0.1, 2.7, 2.7, 2.7, 2.7, 2.7])
        #expect(changes.map(\.type) == [.tamperObstruction])
        #expect(changes.first?.start == r(6))
    }
}
