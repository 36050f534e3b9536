import TagwatchCore

/// A sobriety tag's infrared and skin temperature, for the tamper rule.
struct SkinPoint: Sendable, Codable, Equatable {
    var time: Int64
    var seq: UInt32
    var ir: Float
    var temp: Float
}

struct TamperState: Sendable, Codable, Equatable {
    /// The assignment's first readings, until there are enough for the baseline.
    var first: [SkinPoint] = []
    /// Median `ir` of the assignment's first readings.
    var baseline: Double?
    /// The current run of off-skin readings: its first few (which decide the type),
    /// its length and its last `seq`.
    var run: [SkinPoint] = []
    var runLength = 0
    var lastSeq: UInt32 = 0
    /// The type raised for the current run, with the time that raised it.
    var raised: AlertType?
    var openedAt: Int64 = 0
}

/// `tamper.removal` and `tamper.obstruction` (rules.md, "Tamper"): readings whose `ir`
/// is more than `offSkinVolts` from the assignment's baseline are off the skin;
/// `tamperReadings` of them in a row are an episode, raised with the last of those, its
/// type decided by their temperatures then. A cold reading on the skin raises nothing.
struct TamperRule {
    let configuration: RulesConfiguration

    func heard(_ point: SkinPoint, state: inout TamperState, attribution: Attribution, book: inout AlertBook) {
        guard state.baseline == nil else { return judge(point, state: &state, attribution, &book) }
        state.first.append(point)
        guard state.first.count >= configuration.baselineReadings else { return }
        let sorted = state.first.map { Double($0.ir) }.sorted()
        let middle = sorted.count / 2
        state.baseline = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        let waiting = state.first
        state.first = []
        for point in waiting { judge(point, state: &state, attribution, &book) }
    }

    private func judge(_ point: SkinPoint, state: inout TamperState, _ attribution: Attribution, _ book: inout AlertBook) {
        guard let baseline = state.baseline else { return }
        guard abs(Double(point.ir) - baseline) > configuration.offSkinVolts else {
            if let type = state.raised {
                post(type, state, end: point.time, attribution, &book)
            }
            state.run = []
            state.runLength = 0
            state.raised = nil
            return
        }
        state.runLength += 1
        state.lastSeq = point.seq
        if state.run.count < configuration.tamperReadings { state.run.append(point) }
        if state.raised == nil, state.runLength >= configuration.tamperReadings {
            let cold = state.run.filter { Double($0.temp) < configuration.removalTemperature }.count
            state.raised = cold >= configuration.removalColdReadings ? .tamperRemoval : .tamperObstruction
            state.openedAt = point.time
        }
        if let type = state.raised { post(type, state, end: nil, attribution, &book) }
    }

    private func post(_ type: AlertType, _ state: TamperState, end: Int64?, _ attribution: Attribution, _ book: inout AlertBook) {
        let start = state.run[0]
        let cold = state.run.filter { Double($0.temp) < configuration.removalTemperature }.count
        book.post(attribution.change(
            EpisodeKey(type: type, device: attribution.assignment.serial, start: start.time),
            severity: type.baseSeverity, end: end, openedAt: state.openedAt,
            details: [
                "readingsOffSkin": .integer(Int64(state.runLength)),
                "coldReadings": .integer(Int64(cold)),
                "baselineIR": .number((state.baseline! * 1000).rounded() / 1000),
            ],
            seqs: start.seq...state.lastSeq))
    }
}
