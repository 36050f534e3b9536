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
    private let evaluation: Evaluation
    private var numbering = DeviceSlots()
    private var slots: [DeviceSlot] = []
    private var book = AlertBook()

    /// Late readings kept for one device before they are evaluated without waiting for
    /// the end of the batch, so a huge late upload does not grow memory.
    static let lateReadingLimit = 65_536

    public init(caseload: Caseload, configuration: RulesConfiguration = RulesConfiguration(),
                watermark: Int64? = nil, devices: [DeviceSerial: DeviceState] = [:]) {
        self.configuration = configuration
        self.watermark = watermark
        evaluation = Evaluation(
            caseload: CaseloadIndex(caseload, defaultGrace: configuration.graceMinutes),
            rules: RuleSet(configuration), gapHold: configuration.gapHold)
        for (serial, state) in devices.sorted(by: { $0.key < $1.key }) {
            _ = numbering.slot(for: serial)
            var slot = DeviceSlot(serial: serial, state: state)
            slot.late = state.pendingLate ?? []
            slot.state.pendingLate = nil
            slots.append(slot)
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
            if slots[slot].late.count >= Self.lateReadingLimit { slots[slot].evaluateLate(evaluation, &book) }
            return .late
        case .next:
            slots[slot].evaluate(reading, evaluation, &book)
            slots[slot].releaseHeld(evaluation, &book)
        case .held:
            slots[slot].declareGapsLost(watermark: nil, atBatchEnd: false, evaluation, &book)
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
            slots[slot].declareGapsLost(watermark: judgedAt == .min ? nil : judgedAt, atBatchEnd: true, evaluation, &book)
            if !slots[slot].late.isEmpty {
                slots[slot].evaluateLate(evaluation, &book)
                // A checkpoint may have stored them as pending: store the state again.
                slots[slot].changed = true
            }
            if judgedAt != .min { slots[slot].judge(at: judgedAt, evaluation, &book) }
            if slots[slot].state != before { slots[slot].changed = true }
        }
        return book.takeAll()
    }

    /// The devices whose state changed since the last call, to be stored; a device's
    /// late readings not yet evaluated go with it (see ``checkpoint()``).
    public mutating func takeChangedDevices() -> [(serial: DeviceSerial, state: DeviceState)] {
        var changed: [(serial: DeviceSerial, state: DeviceState)] = []
        for slot in slots.indices where slots[slot].changed {
            var state = slots[slot].state
            if !slots[slot].late.isEmpty { state.pendingLate = slots[slot].late }
            changed.append((slots[slot].serial, state))
            slots[slot].changed = false
        }
        return changed
    }

    /// A point in the middle of a batch where what it has done so far can be committed,
    /// so a crash loses only what comes after: the alert changes so far (later ones to
    /// the same episodes come as updates). Nothing is judged: the end of the batch still
    /// declares gaps, evaluates late readings and judges silence as if there had been no
    /// checkpoint; take ``takeChangedDevices()``, ``takeShortAbsences()`` and
    /// ``watermark`` with it.
    public mutating func checkpoint() -> [AlertChange] {
        book.takeAll()
    }

    /// The short absences settled since last asked (rules.md: counted in the compliance
    /// summary); taken with each commit's alert changes.
    public mutating func takeShortAbsences() -> [ShortAbsence] {
        book.takeShortAbsences()
    }

    private mutating func slot(for serial: DeviceSerial) -> Int {
        let (slot, isNew) = numbering.slot(for: serial)
        if isNew { slots.append(DeviceSlot(serial: serial, state: DeviceState())) }
        return slot
    }
}
