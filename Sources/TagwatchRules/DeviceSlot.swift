import TagwatchCore

/// What the evaluation of any device needs: the caseload, the rules, the gap hold. A
/// class, so handing it to a device's slot (which the engine holds mutably) copies a
/// reference, not the rules.
final class Evaluation {
    let caseload: CaseloadIndex
    let rules: RuleSet
    let gapHold: Int64

    init(caseload: CaseloadIndex, rules: RuleSet, gapHold: Int64) {
        self.caseload = caseload
        self.rules = rules
        self.gapHold = gapHold
    }
}

/// One device during a batch: its stored state and what the batch keeps beside it (the
/// attribution last looked up, late readings waiting for the end of the batch). The
/// per-reading work happens here, on the slot in place.
struct DeviceSlot {
    let serial: DeviceSerial
    var state: DeviceState
    var attribution: Attribution?
    /// The attribution last looked up for an episode begun earlier (``earlier(_:_:)``).
    var earlierAttribution: Attribution?
    var late: [Reading] = []
    var changed = false

    init(serial: DeviceSerial, state: DeviceState) {
        self.serial = serial
        self.state = state
    }

    mutating func attribution(at time: Int64, _ evaluation: Evaluation) -> Attribution? {
        if let cached = attribution, cached.validity.start <= time, time < cached.validity.end { return cached }
        attribution = evaluation.caseload.attribution(of: serial, at: time)
        return attribution
    }

    /// Evaluates one reading in `seq` order.
    mutating func evaluate(_ reading: Reading, _ evaluation: Evaluation, _ book: inout AlertBook) {
        guard let attribution = attribution(at: reading.time, evaluation) else { return unassigned(reading, &book) }
        if state.assignmentFrom != attribution.assignmentFrom {
            state.assignmentFrom = attribution.assignmentFrom
            state.rules = DeviceRules()
        }
        guard attribution.inForce else {
            let earlier = earlier(attribution, evaluation)
            return evaluation.rules.applyOutsideOrder(reading, attribution, earlier: earlier, to: &state.rules, book: &book)
        }
        evaluation.rules.apply(reading, attribution, to: &state.rules, book: &book)
    }

    mutating func releaseHeld(_ evaluation: Evaluation, _ book: inout AlertBook) {
        guard !state.sequence.held.isEmpty else { return }
        for reading in state.sequence.releaseInOrder() { evaluate(reading, evaluation, &book) }
    }

    /// Outside every order: the attributions under which the device's silence became no
    /// contact (its timeout ran out) and its away stretch began, when an order was in
    /// force then, so that an episode begun under an order is ended, and named with that
    /// order, after it.
    mutating func earlier(_ attribution: Attribution, _ evaluation: Evaluation) -> EarlierEpisodes {
        var earlier = EarlierEpisodes()
        if let last = state.rules.contact.lastTime, let silence = evaluation.rules.silence(for: attribution.role) {
            earlier.silence = inForce(at: last + silence.timeout, evaluation)
        }
        if attribution.role == .tag, let away = state.rules.presence.away {
            earlier.away = inForce(at: away.start, evaluation)
        }
        return earlier
    }

    /// The attribution at `time` when it has an order in force under the device's
    /// current assignment.
    private mutating func inForce(at time: Int64, _ evaluation: Evaluation) -> Attribution? {
        let found: Attribution?
        if let cached = earlierAttribution, cached.validity.start <= time, time < cached.validity.end {
            found = cached
        } else {
            found = evaluation.caseload.attribution(of: serial, at: time)
            earlierAttribution = found
        }
        guard let found, found.inForce, found.assignmentFrom == state.assignmentFrom else { return nil }
        return found
    }

    /// Starts a new device once its first readings have waited long enough, and declares
    /// lost each gap whose hold has run out (by the device's own held readings, or by
    /// `watermark` at the end of a batch), raising `device.data_gap`; evaluates what that
    /// releases.
    mutating func declareGapsLost(watermark: Int64?, atBatchEnd: Bool, _ evaluation: Evaluation, _ book: inout AlertBook) {
        if state.sequence.start(hold: evaluation.gapHold, atBatchEnd: atBatchEnd) { releaseHeld(evaluation, &book) }
        while let gap = state.sequence.declareGapLost(hold: evaluation.gapHold, watermark: watermark) {
            if let attribution = attribution(at: gap.after, evaluation), attribution.inForce {
                book.post(attribution.change(
                    EpisodeKey(type: .dataGap, device: serial, start: gap.before),
                    severity: AlertType.dataGap.baseSeverity, end: gap.after, openedAt: gap.after,
                    details: [
                        "firstSeqLost": .integer(Int64(gap.seqs.lowerBound)),
                        "lastSeqLost": .integer(Int64(gap.seqs.upperBound)),
                        "readingsLost": .integer(Int64(gap.seqs.count)),
                    ],
                    seqs: max(gap.seqs.lowerBound, 1) - 1...min(gap.seqs.upperBound, .max - 1) + 1))
            }
            releaseHeld(evaluation, &book)
        }
    }

    /// Evaluates the device's late readings, each run of consecutive `seq` numbers as a
    /// segment of its own (as if the device had a gap before and after it), without
    /// touching what was decided for the readings after them.
    mutating func evaluateLate(_ evaluation: Evaluation, _ book: inout AlertBook) {
        let readings = late.sorted { $0.seq < $1.seq }
        late = []
        var start = 0
        while start < readings.count {
            var end = start + 1
            while end < readings.count, readings[end].seq == readings[end - 1].seq &+ 1 { end += 1 }
            var segment = state.rules.forLateSegment
            var last: Attribution?
            for reading in readings[start..<end] {
                guard let attribution = attribution(at: reading.time, evaluation) else {
                    unassigned(reading, &book)
                    continue
                }
                guard attribution.inForce else { continue }
                evaluation.rules.apply(reading, attribution, to: &segment, book: &book)
                last = attribution
            }
            if let last { evaluation.rules.endSegment(last, rules: &segment, book: &book) }
            start = end
        }
    }

    /// At the end of a batch: silence after the last reading and ongoing absences, as the
    /// watermark sees them, under the assignment the rule state belongs to.
    mutating func judge(at watermark: Int64, _ evaluation: Evaluation, _ book: inout AlertBook) {
        guard let attribution = attribution(at: watermark, evaluation), state.assignmentFrom == attribution.assignmentFrom else { return }
        let earlier = attribution.inForce ? EarlierEpisodes() : earlier(attribution, evaluation)
        evaluation.rules.judge(at: watermark, attribution, earlier: earlier, rules: &state.rules, book: &book)
    }

    /// `device.unassigned`: one alert per serial, for the centre.
    mutating func unassigned(_ reading: Reading, _ book: inout AlertBook) {
        var episode = state.unassigned
            ?? UnassignedEpisode(start: reading.time, firstSeq: reading.seq, lastSeq: reading.seq, readings: 0, lastHeard: reading.time)
        episode.readings += 1
        episode.lastSeq = max(episode.lastSeq, reading.seq)
        episode.lastHeard = max(episode.lastHeard, reading.time)
        state.unassigned = episode
        book.post(AlertChange(
            key: EpisodeKey(type: .unassigned, device: serial, start: episode.start),
            severity: AlertType.unassigned.baseSeverity, subject: nil, order: nil, officer: nil,
            end: nil, openedAt: episode.start,
            details: ["readings": .integer(Int64(episode.readings)), "lastHeard": .time(episode.lastHeard)],
            firstSeq: episode.firstSeq, lastSeq: episode.lastSeq))
    }
}
