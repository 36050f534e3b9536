import TagwatchCore

/// Makes a sobriety tag's `tac` readings every 30 minutes: a sober baseline with sensor
/// noise, the plan's curves and spikes, and off-skin stretches (IR far from the baseline).
public struct SobrietyTagSimulator: Sendable {
    public let plan: SobrietyPlan
    private var seq: UInt32
    private var generator: SplitMix64

    public init(plan: SobrietyPlan, seed: UInt64) {
        self.plan = plan
        generator = SplitMix64(seed: seed)
        seq = UInt32.random(in: 100...5000, using: &generator)
    }

    public mutating func readings(in window: Span) -> [Reading] {
        var readings: [Reading] = []
        var time = plan.gridTime(atOrAfter: window.start)
        while time < window.end {
            readings.append(Reading(device: plan.tag, seq: seq, time: time, payload: .tac(sample(at: time))))
            seq &+= 1
            time += SobrietyPlan.interval
        }
        return readings
    }

    private mutating func sample(at time: Int64) -> AlcoholSample {
        // Sober noise stays well under the 0.010 g/dL onset.
        var tac = Float(plan.curveTAC(at: time)) + Float.random(in: 0...0.003, using: &generator)
        if let spike = plan.spikes[time] { tac = spike }
        var ir = plan.baselineIR + Float.random(in: -0.08...0.08, using: &generator)
        var temperature = Float.random(in: 30.5...34.5, using: &generator)
        for stretch in plan.offSkin {
            let index = (time - stretch.start) / SobrietyPlan.interval
            if time >= stretch.start, index < stretch.readings {
                ir = plan.baselineIR + 0.8 + Float.random(in: 0...0.1, using: &generator)
                temperature = stretch.temperature
            }
        }
        return AlcoholSample(tac: tac, ir: ir, temp: temperature)
    }
}
