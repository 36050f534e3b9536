import TagwatchCore

/// What one sobriety subject's tag will measure: drinking curves and off-skin stretches
/// injected on their scenario day. The expected alerts are worked out afterwards from the
/// readings themselves by ``AlcoholOracle``, as an independent checker would.
public struct SobrietyPlan: Sendable {
    public var subject: String
    public var risk: String
    public var tag: DeviceSerial
    public var encoding: RecordEncoding
    public var phase: Int64
    public var baselineIR: Float
    /// TAC curves: start, hours rising, peak (g/dL), elimination (g/dL per hour).
    public var curves: [(start: Int64, risingHours: Double, peak: Double, elimination: Double)] = []
    /// Single readings' TAC set outright (alcohol on the skin).
    public var spikes: [Int64: Float] = [:]
    /// Readings off the skin from `start`, how many, and the skin temperature then.
    public var offSkin: [(start: Int64, readings: Int, temperature: Float)] = []

    public static let interval: Int64 = 30 * SampleTime.minute

    public func gridTime(atOrAfter time: Int64) -> Int64 {
        let steps = (time - phase + Self.interval - 1) / Self.interval
        return phase + max(0, steps) * Self.interval
    }

    /// The TAC the curves give at `time`.
    func curveTAC(at time: Int64) -> Double {
        curves.reduce(0) { total, curve in
            let hours = Double(time - curve.start) / Double(SampleTime.hour)
            guard hours >= 0 else { return total }
            if hours < curve.risingHours { return total + curve.peak * hours / curve.risingHours }
            return total + max(0, curve.peak - curve.elimination * (hours - curve.risingHours))
        }
    }
}

/// The sobriety violations and near misses a subject can be given (rules.md, sobriety).
public enum SobrietyScenario: String, CaseIterable, Sendable {
    case drinkingConfirmed, skinSpike, twoReadingSpike, obstruction, removal, shortObstruction

    func apply(to plan: inout SobrietyPlan, day: Int64) {
        let h = SampleTime.hour
        switch self {
        case .drinkingConfirmed:
            // An evening's drinking that the body clears overnight: past midnight.
            plan.curves.append((start: day + 18 * h, risingHours: 2, peak: 0.12, elimination: 0.02))
        case .skinSpike:
            let first = plan.gridTime(atOrAfter: day + 13 * h)
            for (index, tac) in [Float(0.06), 0.09, 0.07].enumerated() {
                plan.spikes[first + Int64(index) * SobrietyPlan.interval] = tac
            }
        case .twoReadingSpike:
            let first = plan.gridTime(atOrAfter: day + 13 * h)
            plan.spikes[first] = 0.06
            plan.spikes[first + SobrietyPlan.interval] = 0.08
        case .obstruction:
            plan.offSkin.append((start: plan.gridTime(atOrAfter: day + 9 * h), readings: 5, temperature: 31))
        case .removal:
            plan.offSkin.append((start: plan.gridTime(atOrAfter: day + 9 * h), readings: 4, temperature: 20))
        case .shortObstruction:
            plan.offSkin.append((start: plan.gridTime(atOrAfter: day + 9 * h), readings: 3, temperature: 30))
        }
    }
}
