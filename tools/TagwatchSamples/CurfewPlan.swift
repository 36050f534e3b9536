import TagwatchCore

/// What one curfew subject's tag and home unit will show over the samples: when the
/// subject is away, and the violations and near misses injected on their scenario day.
public struct CurfewPlan: Sendable {
    public var subject: String
    public var risk: String
    public var tag: DeviceSerial
    public var homeUnit: DeviceSerial
    public var encoding: RecordEncoding
    /// Offset of the device clocks' minute grid, so units do not all report together.
    public var phase: Int64
    public var away: [Span] = []
    public var strapOpen: [Span] = []
    public var moved: [Span] = []
    public var caseOpen: [Span] = []
    public var offMains: [Span] = []
    public var batteryLow: [Span] = []
    /// Both devices silent (the unit is offline).
    public var silent: [Span] = []
    /// Tag `seq` numbers skipped at a time: readings made but never delivered.
    public var seqGaps: [(at: Int64, skipped: UInt32)] = []
    /// Authorised absences for the caseload.
    public var authorisedAbsences: [Span] = []
    public var expected: [ExpectedAlert] = []

    /// The curfew: every day 19:00 to 07:00 (UTC, which is London time in November).
    public static let curfewFrom: Int64 = 19 * SampleTime.hour
    public static let curfewTo: Int64 = 7 * SampleTime.hour
    public static let graceMinutes: Int64 = 5

    /// Times on the device's reporting grid: `phase` plus whole minutes.
    public func gridTime(atOrAfter time: Int64) -> Int64 {
        let steps = (time - phase + SampleTime.minute - 1) / SampleTime.minute
        return phase + max(0, steps) * SampleTime.minute
    }

    public func gridTime(before time: Int64) -> Int64 {
        gridTime(atOrAfter: time) - SampleTime.minute
    }
}

/// The violations and near misses a curfew subject can be given (rules.md, curfew and
/// equipment), with the alert each must raise (none for a near miss).
public enum CurfewScenario: String, CaseIterable, Sendable {
    case absenceDuring, absenceLate, absenceEarly, absenceWhole
    case shortAbsence, absenceInsideAuthorised
    case strapOpen, unitMoved, caseOpen, powerLoss, powerBlip, batteryLow, noContact, dataGap

    /// Days after the scenario day that it needs inside the samples.
    var daysAfter: Int { self == .absenceWhole ? 1 : 0 }

    /// Adds the scenario on the day starting at `day` (midnight) to `plan`.
    func apply(to plan: inout CurfewPlan, day: Int64) {
        let h = SampleTime.hour, m = SampleTime.minute
        func alert(_ type: String, _ device: DeviceSerial, _ start: Int64, _ end: Int64?, _ base: Severity, pattern: String? = nil) {
            plan.expected.append(ExpectedAlert(
                type: type, subject: plan.subject, device: device.description, start: start, end: end,
                severity: base.raised(forRisk: plan.risk).name, classification: nil, pattern: pattern, scenario: rawValue))
        }
        func replaceDaytimeAway(with span: Span) {
            plan.away.removeAll { $0.start == day + 8 * h + 30 * m }
            plan.away.append(span)
        }
        switch self {
        case .absenceDuring:
            plan.away.append(Span(day + 22 * h + 10 * m, day + 23 * h + 40 * m))
            alert("curfew.absence", plan.tag, day + 22 * h + 10 * m, day + 23 * h + 40 * m, .high, pattern: "during")
        case .absenceLate:
            replaceDaytimeAway(with: Span(day + 8 * h + 30 * m, day + 20 * h + 20 * m))
            alert("curfew.absence", plan.tag, day + 19 * h, day + 20 * h + 20 * m, .high, pattern: "late")
        case .absenceEarly:
            replaceDaytimeAway(with: Span(day + 6 * h, day + 17 * h + 30 * m))
            alert("curfew.absence", plan.tag, day + 6 * h, day + 7 * h, .high, pattern: "early")
        case .absenceWhole:
            replaceDaytimeAway(with: Span(day + 8 * h + 30 * m, day + SampleTime.day + 8 * h))
            alert("curfew.absence", plan.tag, day + 19 * h, day + SampleTime.day + 7 * h, .high, pattern: "whole")
        case .shortAbsence:
            plan.away.append(Span(day + 23 * h, day + 23 * h + 3 * m))
        case .absenceInsideAuthorised:
            plan.authorisedAbsences.append(Span(day + 20 * h, day + 23 * h))
            plan.away.append(Span(day + 20 * h + 30 * m, day + 22 * h + 30 * m))
        case .strapOpen:
            plan.strapOpen.append(Span(day + 14 * h, day + 14 * h + 10 * m))
            alert("tamper.strap", plan.tag, day + 14 * h, day + 14 * h + 10 * m, .critical)
        case .unitMoved:
            plan.moved.append(Span(day + 15 * h, day + 15 * h + 5 * m))
            alert("hmu.moved", plan.homeUnit, day + 15 * h, day + 15 * h + 5 * m, .high)
        case .caseOpen:
            plan.caseOpen.append(Span(day + 16 * h, day + 16 * h + 7 * m))
            alert("hmu.case_open", plan.homeUnit, day + 16 * h, day + 16 * h + 7 * m, .high)
        case .powerLoss:
            plan.offMains.append(Span(day + 10 * h, day + 10 * h + 45 * m))
            alert("hmu.power_loss", plan.homeUnit, day + 10 * h, day + 10 * h + 45 * m, .low)
        case .powerBlip:
            plan.offMains.append(Span(day + 11 * h, day + 11 * h + 20 * m))
        case .batteryLow:
            plan.batteryLow.append(Span(day + 10 * h, day + 12 * h))
            alert("device.battery_low", plan.tag, day + 10 * h, day + 12 * h, .low)
        case .noContact:
            let silence = Span(day + 23 * h, day + 23 * h + 40 * m)
            plan.silent.append(silence)
            // 25 of the 40 silent minutes are unknown, all of it curfew time: high.
            alert("device.no_contact", plan.tag, plan.gridTime(before: silence.start), plan.gridTime(atOrAfter: silence.end), .high)
        case .dataGap:
            let at = day + 3 * h
            plan.seqGaps.append((at: at, skipped: 5))
            alert("device.data_gap", plan.tag, plan.gridTime(before: at), plan.gridTime(atOrAfter: at), .low)
        }
    }
}
