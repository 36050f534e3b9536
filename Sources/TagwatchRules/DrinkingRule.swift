import TagwatchCore

/// A reading's TAC and, once its neighbours are known, its smoothed TAC.
struct TACPoint: Sendable, Codable, Equatable {
    var time: Int64
    var seq: UInt32
    var value: Double
}

/// A sobriety tag's drinking state (rules.md, "Sobriety orders"): the readings whose
/// smoothed TAC still waits for the next one, and the episode under way.
struct DrinkingState: Sendable, Codable, Equatable {
    /// The newest reading of the segment (its smoothed TAC needs the next one) and the
    /// one before it; raw TAC.
    var newest: TACPoint?
    var previous: TACPoint?
    /// The last reading whose smoothed TAC is known, in this segment.
    var lastSmoothed: TACPoint?
    var episode: DrinkingEpisode?
}

struct DrinkingEpisode: Sendable, Codable, Equatable {
    var first: TACPoint
    var last: TACPoint
    /// Highest smoothed TAC, its last occurrence.
    var peak: TACPoint
    /// The reading before the episode in its segment (for the absorption rate).
    var before: TACPoint?
    /// A reading below onset after `last`, waiting for a second one to end the episode.
    var firstBelow: TACPoint?
    /// Consecutive readings at or above the threshold, ending at the latest.
    var run = 0
    /// Readings from `first` to the latest taken.
    var taken = 1
    /// Readings from `first` to `last`.
    var readings = 1
    var openedAt: Int64?
}

/// `alcohol.drinking`: smoothing (the median of a reading and its neighbours within the
/// segment), episodes from onset to the last reading before two below it, raised as
/// `pending` once `minReadings` consecutive readings reach the threshold, and classified
/// from the curve when the episode ends.
struct DrinkingRule {
    let configuration: RulesConfiguration

    func heard(_ point: TACPoint, state: inout DrinkingState, attribution: Attribution, book: inout AlertBook) {
        if let newest = state.newest {
            if point.time - newest.time > configuration.segmentGap {
                endSegment(state: &state, attribution: attribution, book: &book)
            } else {
                let smoothed = state.previous.map { median($0.value, newest.value, point.value) } ?? (newest.value + point.value) / 2
                take(TACPoint(time: newest.time, seq: newest.seq, value: smoothed), state: &state, attribution, &book)
                state.previous = newest
            }
        }
        state.newest = point
    }

    /// The segment ends (a gap over `segmentGapMinutes`, or the end of a late segment):
    /// its last reading is smoothed with the one it has, and an episode under way ends.
    func endSegment(state: inout DrinkingState, attribution: Attribution, book: inout AlertBook) {
        if let newest = state.newest {
            let smoothed = state.previous.map { ($0.value + newest.value) / 2 } ?? newest.value
            take(TACPoint(time: newest.time, seq: newest.seq, value: smoothed), state: &state, attribution, &book)
        }
        if let episode = state.episode { end(episode, after: episode.firstBelow, attribution, &book) }
        state = DrinkingState()
    }

    private func take(_ point: TACPoint, state: inout DrinkingState, _ attribution: Attribution, _ book: inout AlertBook) {
        defer { state.lastSmoothed = point }
        let onset = configuration.onsetAtReadingPrecision
        let reaches = point.value >= configuration.thresholdAtReadingPrecision
        guard var episode = state.episode else {
            guard point.value >= onset else { return }
            var episode = DrinkingEpisode(first: point, last: point, peak: point, before: state.lastSmoothed, run: reaches ? 1 : 0)
            raiseIfDue(&episode, at: point, attribution, &book)
            state.episode = episode
            return
        }
        episode.taken += 1
        if point.value >= onset {
            episode.last = point
            episode.readings = episode.taken
            episode.firstBelow = nil
            episode.run = reaches ? episode.run + 1 : 0
            if point.value >= episode.peak.value { episode.peak = point }
            raiseIfDue(&episode, at: point, attribution, &book)
            state.episode = episode
        } else if case .none = episode.firstBelow {
            episode.run = 0
            episode.firstBelow = point
            state.episode = episode
        } else {
            end(episode, after: episode.firstBelow, attribution, &book)
            state.episode = nil
        }
    }

    private func raiseIfDue(_ episode: inout DrinkingEpisode, at point: TACPoint, _ attribution: Attribution, _ book: inout AlertBook) {
        if episode.openedAt == nil, episode.run >= configuration.minReadings { episode.openedAt = point.time }
        if episode.openedAt != nil { post(episode, classification: nil, elimination: nil, attribution, &book) }
    }

    /// Classifies an ended episode from its curve. `after` is the first reading after it
    /// within the segment; where there is none, the episode's last reading stands in.
    private func end(_ episode: DrinkingEpisode, after: TACPoint?, _ attribution: Attribution, _ book: inout AlertBook) {
        guard episode.openedAt != nil else { return }
        let after = after ?? episode.last
        let hoursToAfter = hours(after.time - episode.peak.time)
        let elimination = hoursToAfter > 0 ? (episode.peak.value - after.value) / hoursToAfter : 0
        let confirmed = hours(episode.last.time - episode.first.time) >= configuration.confirmMinimumHours
            && elimination <= configuration.confirmMaximumElimination
        post(episode, classification: confirmed ? "confirmed" : "unconfirmed", elimination: elimination, attribution, &book)
    }

    private func post(_ episode: DrinkingEpisode, classification: String?, elimination: Double?, _ attribution: Attribution, _ book: inout AlertBook) {
        var details: [String: AlertDetail] = [
            "classification": .text(classification ?? "pending"),
            "peakTAC": .number(rounded(episode.peak.value)),
            "peakAt": .time(episode.peak.time),
            "durationHours": .number(rounded(hours(episode.last.time - episode.first.time))),
            "readings": .integer(Int64(episode.readings)),
            "episodeStart": .time(episode.first.time),
        ]
        if let elimination {
            details["eliminationRate"] = .number(rounded(elimination))
            details["episodeEnd"] = .time(episode.last.time)
        }
        if let before = episode.before, episode.peak.time > before.time {
            details["absorptionRate"] = .number(rounded((episode.peak.value - before.value) / hours(episode.peak.time - before.time)))
        }
        book.post(attribution.change(
            EpisodeKey(type: .alcoholDrinking, device: attribution.assignment.serial, start: episode.first.time),
            severity: classification == "confirmed" ? .high : .medium,
            end: classification == nil ? nil : episode.last.time, openedAt: episode.openedAt!,
            details: details, seqs: episode.first.seq...episode.last.seq))
    }

    private func hours(_ milliseconds: Int64) -> Double { Double(milliseconds) / 3_600_000 }

    /// Figures for people, to 4 decimal places (the rules decide on the exact values).
    private func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

    private func median(_ a: Double, _ b: Double, _ c: Double) -> Double {
        max(min(a, b), min(max(a, b), c))
    }
}
