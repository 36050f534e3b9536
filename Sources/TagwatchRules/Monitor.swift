import TagwatchCaseload
import TagwatchCore

/// The rules engine: readings in (each once, as the batch's ledger accepted them), alert
/// changes out at the end of each batch. Pure and deterministic: no clock, no I/O; time
/// is the readings' own and the watermark (streams.md §4), so the same input always
/// gives the same alerts.
///
/// Each device's readings are evaluated in `seq` order (streams.md §3): a reading past
/// a gap is held until the gap fills or is declared lost, and a reading for a gap
/// already declared lost is *late*, evaluated as a segment of its own at the end of the
/// batch. Between batches the engine is its ``watermark`` and its devices' states, which
/// the store keeps.
public struct Monitor {
    public let configuration: RulesConfiguration
    /// The largest `t` of any accepted reading so far.
    public private(set) var watermark: Int64?
    private let caseload: CaseloadIndex
    private let rules: RuleSet
    private var index: [DeviceSerial: Int] = [:]
    private var slots: [DeviceSlot] = []
    private var lastSlot: (serial: DeviceSerial, slot: Int)?
    private var book = AlertBook()

    /// Late readings kept for one device before they are evaluated without waiting for
    /// the end of the batch, so a huge late upload does not grow memory.
    static let lateReadingLimit = 65_536

    private struct DeviceSlot {
        var serial: DeviceSerial
        var state: DeviceState
        var attribution: Attribution?
        var late: [Reading] = []
        var changed = false
    }

    public init(caseload: Caseload, configuration: RulesConfiguration = RulesConfiguration(),
                watermark: Int64? = nil, devices: [DeviceSerial: DeviceState] = [:]) {
        self.configuration = configuration
        self.watermark = watermark
        self.caseload = CaseloadIndex(caseload, defaultGrace: configuration.graceMinutes)
        rules = RuleSet(configuration)
        for (serial, state) in devices.sorted(by: { $0.key < $1.key }) {
            index[serial] = slots.count
            slots.append(DeviceSlot(serial: serial, state: state))
        }
    }

    /// Takes a reading the batch has not seen before and says what it is.
    public mutating func admit(_ reading: Reading) -> Admission {
        let slot = slot(for: reading.device)
        slots[slot].changed = true
        let verdict = slots[slot].state.sequence.admit(reading)
        if verdict != .duplicate, reading.time > watermark ?? .min { watermark = reading.time }
        switch verdict {
        case .duplicate:
            return .duplicate
        case .late:
            slots[slot].late.append(reading)
            if slots[slot].late.count >= Self.lateReadingLimit { evaluateLate(slot) }
            return .late
        case .next:
            evaluate(reading, slot)
            releaseHeld(slot)
        case .held:
            declareGapsLost(slot, watermark: nil)
        }
        return .accepted
    }

    /// Ends the batch: gaps that waited long enough are declared lost, late readings are
    /// evaluated, and silence after each device's last reading and ongoing absences are
    /// judged against the watermark, moved on to `now` for this batch when given.
    /// Returns the batch's alert changes, one per episode.
    public mutating func endBatch(now: Int64? = nil) -> [AlertChange] {
        let judgedAt = max(watermark ?? .min, now ?? .min)
        for slot in slots.indices {
            let before = slots[slot].state
            declareGapsLost(slot, watermark: judgedAt == .min ? nil : judgedAt, atBatchEnd: true)
            if !slots[slot].late.isEmpty { evaluateLate(slot) }
            if judgedAt != .min, let attribution = attribution(slot, at: judgedAt),
               slots[slot].state.assignmentFrom == attribution.assignment.from {
                rules.judge(at: judgedAt, attribution, rules: &slots[slot].state.rules, book: &book)
            }
            if slots[slot].state != before { slots[slot].changed = true }
        }
        return book.takeAll()
    }

    /// The devices whose state changed since the last call, to be stored.
    public mutating func takeChangedDevices() -> [(serial: DeviceSerial, state: DeviceState)] {
        var changed: [(serial: DeviceSerial, state: DeviceState)] = []
        for slot in slots.indices where slots[slot].changed {
            changed.append((slots[slot].serial, slots[slot].state))
            slots[slot].changed = false
        }
        return changed
    }

    private mutating func slot(for serial: DeviceSerial) -> Int {
        if let last = lastSlot, last.serial == serial { return last.slot }
        let slot: Int
        if let found = index[serial] {
            slot = found
        } else {
            slot = slots.count
            index[serial] = slot
            slots.append(DeviceSlot(serial: serial, state: DeviceState()))
        }
        lastSlot = (serial, slot)
        return slot
    }

    private mutating func attribution(_ slot: Int, at time: Int64) -> Attribution? {
        if let cached = slots[slot].attribution, cached.validity.start <= time, time < cached.validity.end { return cached }
        let found = caseload.attribution(of: slots[slot].serial, at: time)
        slots[slot].attribution = found
        return found
    }

    private mutating func evaluate(_ reading: Reading, _ slot: Int) {
        guard let attribution = attribution(slot, at: reading.time) else { return unassigned(reading, slot) }
        if slots[slot].state.assignmentFrom != attribution.assignment.from {
            slots[slot].state.assignmentFrom = attribution.assignment.from
            slots[slot].state.rules = DeviceRules()
        }
        guard attribution.inForce else {
            return rules.applyOutsideOrder(reading, attribution, to: &slots[slot].state.rules, book: &book)
        }
        rules.apply(reading, attribution, to: &slots[slot].state.rules, book: &book)
    }

    private mutating func releaseHeld(_ slot: Int) {
        guard !slots[slot].state.sequence.held.isEmpty else { return }
        for reading in slots[slot].state.sequence.releaseInOrder() { evaluate(reading, slot) }
    }

    /// Starts a new device once its first readings have waited long enough, and declares
    /// lost each gap whose hold has run out (by the device's own held readings, or by
    /// `watermark` at the end of a batch), raising `device.data_gap`; evaluates what that
    /// releases.
    private mutating func declareGapsLost(_ slot: Int, watermark: Int64?, atBatchEnd: Bool = false) {
        if slots[slot].state.sequence.start(hold: configuration.gapHold, atBatchEnd: atBatchEnd) { releaseHeld(slot) }
        while let gap = slots[slot].state.sequence.declareGapLost(hold: configuration.gapHold, watermark: watermark) {
            if let attribution = attribution(slot, at: gap.after), attribution.inForce {
                book.post(attribution.change(
                    EpisodeKey(type: .dataGap, device: slots[slot].serial, start: gap.before),
                    severity: AlertType.dataGap.baseSeverity, end: gap.after, openedAt: gap.after,
                    details: [
                        "firstSeqLost": .integer(Int64(gap.seqs.lowerBound)),
                        "lastSeqLost": .integer(Int64(gap.seqs.upperBound)),
                        "readingsLost": .integer(Int64(gap.seqs.count)),
                    ],
                    seqs: gap.seqs.lowerBound &- 1...gap.seqs.upperBound &+ 1))
            }
            releaseHeld(slot)
        }
    }

    /// Evaluates the device's late readings, each run of consecutive `seq` numbers as a
    /// segment of its own (as if the device had a gap before and after it), without
    /// touching what was decided for the readings after them.
    private mutating func evaluateLate(_ slot: Int) {
        let late = slots[slot].late.sorted { $0.seq < $1.seq }
        slots[slot].late = []
        var start = 0
        while start < late.count {
            var end = start + 1
            while end < late.count, late[end].seq == late[end - 1].seq &+ 1 { end += 1 }
            var segment = slots[slot].state.rules.forLateSegment
            var last: Attribution?
            for reading in late[start..<end] {
                guard let attribution = attribution(slot, at: reading.time) else {
                    unassigned(reading, slot)
                    continue
                }
                guard attribution.inForce else { continue }
                rules.apply(reading, attribution, to: &segment, book: &book)
                last = attribution
            }
            if let last { rules.endSegment(last, rules: &segment, book: &book) }
            start = end
        }
    }

    /// `device.unassigned`: one alert per serial, for the centre.
    private mutating func unassigned(_ reading: Reading, _ slot: Int) {
        var episode = slots[slot].state.unassigned
            ?? UnassignedEpisode(start: reading.time, firstSeq: reading.seq, lastSeq: reading.seq, readings: 0, lastHeard: reading.time)
        episode.readings += 1
        episode.lastSeq = max(episode.lastSeq, reading.seq)
        episode.lastHeard = max(episode.lastHeard, reading.time)
        slots[slot].state.unassigned = episode
        book.post(AlertChange(
            key: EpisodeKey(type: .unassigned, device: slots[slot].serial, start: episode.start),
            severity: AlertType.unassigned.baseSeverity, subject: nil, order: nil, officer: nil,
            end: nil, openedAt: episode.start,
            details: ["readings": .integer(Int64(episode.readings)), "lastHeard": .time(episode.lastHeard)],
            firstSeq: episode.firstSeq, lastSeq: episode.lastSeq))
    }
}
