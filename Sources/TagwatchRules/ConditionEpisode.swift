import TagwatchCore

/// An episode of a condition a reading shows or not (rules.md, "Tamper and equipment"):
/// it starts at the first reading that shows it and ends at the first that no longer
/// does. Used for an open strap, a moved or opened home unit, a low battery and a power
/// loss, which becomes an alert only once it has lasted longer than its delay.
struct ConditionEpisode: Sendable, Codable, Equatable {
    var start: Int64
    var firstSeq: UInt32
    var lastSeq: UInt32
    /// Event time of the reading that raised the alert; nil until raised.
    var openedAt: Int64?
    /// The lowest battery level seen (battery episodes only).
    var lowest: UInt8?
}

/// What one condition rule needs to say about its episodes.
struct ConditionRule {
    var type: AlertType
    /// How long the condition must last before it is an alert (strictly longer); zero
    /// raises it with the first reading that shows it.
    var delay: Int64 = 0

    /// Takes a reading that shows the condition (`shows`) or not, at `time`, and posts
    /// the alert when the episode is raised, goes on after being raised, or ends.
    func observe(
        _ shows: Bool, reading: Reading, level: UInt8? = nil, episode: inout ConditionEpisode?,
        attribution: Attribution, book: inout AlertBook
    ) {
        if shows {
            if case .none = episode {
                episode = ConditionEpisode(start: reading.time, firstSeq: reading.seq, lastSeq: reading.seq)
            }
            episode!.lastSeq = reading.seq
            if let level { episode!.lowest = min(episode!.lowest ?? level, level) }
            if episode!.openedAt == nil, reading.time - episode!.start > delay || delay == 0 {
                episode!.openedAt = reading.time
            }
            if episode!.openedAt != nil { post(episode!, end: nil, at: reading.time, attribution, &book) }
        } else if var ended = episode {
            episode = nil
            if ended.openedAt == nil, reading.time - ended.start > delay { ended.openedAt = reading.time }
            if ended.openedAt != nil { post(ended, end: reading.time, at: reading.time, attribution, &book) }
        }
    }

    private func post(_ episode: ConditionEpisode, end: Int64?, at time: Int64, _ attribution: Attribution, _ book: inout AlertBook) {
        var details: [String: AlertDetail] = [:]
        if type == .hmuPowerLoss {
            details["minutesOffMains"] = .integer(((end ?? time) - episode.start) / RulesConfiguration.minute)
        }
        if let lowest = episode.lowest { details["lowestPercent"] = .integer(Int64(lowest)) }
        book.post(attribution.change(
            EpisodeKey(type: type, device: attribution.assignment.serial, start: episode.start),
            severity: type.baseSeverity, end: end, openedAt: episode.openedAt!, details: details,
            seqs: episode.firstSeq...episode.lastSeq))
    }
}
