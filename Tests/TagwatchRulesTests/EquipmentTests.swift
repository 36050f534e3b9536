import Testing
import TagwatchCaseload
import TagwatchCore
import TagwatchRules

private func t(_ clock: String) -> Int64 { at("2026-11-23T\(clock):00Z") }

/// `tamper.strap`, `hmu.moved`, `hmu.case_open` and `device.battery_low`: from the first
/// reading that shows the condition to the first that no longer does.
@Suite struct EquipmentTests {
    @Test(arguments: [Risk.medium, .high])
    func openStrapIsCriticalWhateverTheRisk(risk: Risk) {
        var fixture = RulesFixture.curfew()
        fixture.risk = risk
        var tape = Tape(Serial.tag)
        tape.strap(ok: true, at: t("09:55"))
        tape.strap(ok: false, at: t("10:00"))
        tape.strap(ok: false, at: t("10:02"))
        tape.strap(ok: true, at: t("10:05"))
        var run = Run(fixture)
        let changes = run.batch(tape.readings)
        #expect(changes.map(\.type) == [.tamperStrap])
        #expect(changes.first?.start == t("10:00"))
        #expect(changes.first?.end == t("10:05"))
        #expect(changes.first?.openedAt == t("10:00"))
        #expect(changes.first?.severity == .critical)
    }

    @Test(arguments: [(HomeUnitStatus.moved, AlertType.hmuMoved), (.caseOpen, .hmuCaseOpen)])
    func homeUnitFlag(flag: HomeUnitStatus, type: AlertType) {
        var tape = Tape(Serial.hmu)
        tape.hmu([.onMains], at: t("09:45"))
        tape.hmu([.onMains, flag], at: t("10:00"))
        tape.hmu([.onMains, flag], at: t("10:15"))
        tape.hmu([.onMains], at: t("10:30"))
        var run = Run(.curfew())
        let changes = run.batch(tape.readings)
        #expect(changes.map(\.type) == [type])
        #expect(changes.first?.start == t("10:00"))
        #expect(changes.first?.end == t("10:30"))
        #expect(changes.first?.openedAt == t("10:00"))
        #expect(changes.first?.severity == .high)
    }

    @Test func batteryAtFifteenPercentIsLow() {
        var tape = Tape(Serial.tag)
        tape.batt(16, at: t("09:00"))
        tape.batt(15, at: t("10:00"))
        tape.batt(80, at: t("11:00"))
        var run = Run(.curfew())
        let changes = run.batch(tape.readings)
        #expect(changes.map(\.type) == [.batteryLow])
        #expect(changes.first?.start == t("10:00"))
        #expect(changes.first?.end == t("11:00"))
        #expect(changes.first?.severity == .low)
    }

    @Test func batteryAtSixteenPercentIsNot() {
        var tape = Tape(Serial.tag)
        tape.batt(16, at: t("10:00"))
        tape.batt(16, at: t("11:00"))
        var run = Run(.curfew())
        #expect(run.batch(tape.readings).isEmpty)
    }

    @Test func highRiskRaisesBatteryLowToMedium() {
        var fixture = RulesFixture.curfew()
        fixture.risk = .high
        var tape = Tape(Serial.tag)
        tape.batt(10, at: t("10:00"))
        var run = Run(fixture)
        #expect(run.batch(tape.readings).map(\.severity) == [.medium])
    }
}
