import TagwatchCore

/// Makes the readings of one curfew subject's tag and home unit, window by window, as
/// the devices would: `rf` every minute and on every change, `strap` with each 15-minute
/// `hb` and on change, `batt` hourly and on change; the unit's `hmu` every 15 minutes and
/// on change, with its own `hb`.
public struct CurfewUnitSimulator: Sendable {
    public let plan: CurfewPlan
    private var tagSeq: UInt32
    private var unitSeq: UInt32
    private var generator: SplitMix64
    private var gapsApplied = 0

    public init(plan: CurfewPlan, seed: UInt64) {
        self.plan = plan
        generator = SplitMix64(seed: seed)
        tagSeq = UInt32.random(in: 1000...90_000, using: &generator)
        unitSeq = UInt32.random(in: 1000...90_000, using: &generator)
    }

    /// The readings made in `window`, in time order.
    public mutating func readings(in window: Span) -> [Reading] {
        var tagTimes: [(Int64, TagEvent)] = []
        var unitTimes: [(Int64, UnitEvent)] = []
        var time = plan.gridTime(atOrAfter: window.start)
        while time < window.end {
            let minuteIndex = (time - plan.phase) / SampleTime.minute
            tagTimes.append((time, .rf))
            if minuteIndex % 15 == 0 {
                tagTimes.append((time, .hb))
                tagTimes.append((time, .strap))
                unitTimes.append((time, .status))
                unitTimes.append((time, .hb))
            }
            if minuteIndex % 60 == 0 { tagTimes.append((time, .battery)) }
            time += SampleTime.minute
        }
        tagTimes += plan.away.changes(in: window).map { ($0, .rf) }
        tagTimes += plan.strapOpen.changes(in: window).map { ($0, .strap) }
        tagTimes += plan.batteryLow.changes(in: window).map { ($0, .battery) }
        unitTimes += (plan.moved + plan.caseOpen + plan.offMains).changes(in: window).map { ($0, .status) }

        var readings: [Reading] = []
        for (time, event) in tagTimes.sorted(by: { $0.0 < $1.0 }) where !plan.silent.covers(time) {
            while gapsApplied < plan.seqGaps.count, plan.seqGaps[gapsApplied].at <= time {
                tagSeq &+= plan.seqGaps[gapsApplied].skipped
                gapsApplied += 1
            }
            readings.append(Reading(device: plan.tag, seq: tagSeq, time: time, payload: tagPayload(event, at: time)))
            tagSeq &+= 1
        }
        for (time, event) in unitTimes.sorted(by: { $0.0 < $1.0 }) where !plan.silent.covers(time) {
            readings.append(Reading(device: plan.homeUnit, seq: unitSeq, time: time, payload: unitPayload(event, at: time)))
            unitSeq &+= 1
        }
        return readings.sorted { ($0.time, $0.seq) < ($1.time, $1.seq) }
    }

    private enum TagEvent { case rf, hb, strap, battery }
    private enum UnitEvent { case status, hb }

    private mutating func tagPayload(_ event: TagEvent, at time: Int64) -> Payload {
        switch event {
        case .rf:
            let home = !plan.away.covers(time)
            return .rf(inRange: home, rssi: home ? Int8.random(in: -72 ... -48, using: &generator) : -110)
        case .hb:
            return .hb
        case .strap:
            return .strap(ok: !plan.strapOpen.covers(time))
        case .battery:
            return .batt(percent: plan.batteryLow.covers(time) ? 14 : UInt8.random(in: 80...96, using: &generator))
        }
    }

    private func unitPayload(_ event: UnitEvent, at time: Int64) -> Payload {
        switch event {
        case .hb:
            return .hb
        case .status:
            var status: HomeUnitStatus = []
            if !plan.offMains.covers(time) { status.insert(.onMains) }
            if plan.moved.covers(time) { status.insert(.moved) }
            if plan.caseOpen.covers(time) { status.insert(.caseOpen) }
            return .hmu(status)
        }
    }
}
