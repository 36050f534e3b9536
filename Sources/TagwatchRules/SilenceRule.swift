import TagwatchCaseload
import TagwatchCore

/// When a device was last heard (rules.md, `device.no_contact`): by `rf` for a curfew
/// tag, by any reading for an alcohol or GPS tag; a silent home unit shows as its tag's
/// silence, so it has none of its own.
struct ContactState: Sendable, Codable, Equatable {
    var lastTime: Int64?
    var lastSeq: UInt32 = 0
    /// The silence raised at the end of a batch and not yet broken: its start, and the
    /// watermark that raised it.
    var openSilence: OpenSilence?

    struct OpenSilence: Sendable, Codable, Equatable {
        var start: Int64
        var openedAt: Int64
    }
}

/// No contact: silence between two readings is judged when the later one arrives;
/// silence after the last one at the end of a batch, against the watermark
/// (streams.md §4). High instead of medium when the unknown stretch covers more than the
/// curfew's grace of curfew time.
struct SilenceRule {
    /// Silence longer than this is no contact; what follows it is unknown.
    let timeout: Int64

    /// `attribution` nil: the silence ending here did not begin under an order, so it
    /// raises nothing; the reading still counts as contact.
    func heard(_ reading: Reading, state: inout ContactState, attribution: Attribution?, book: inout AlertBook) {
        if let last = state.lastTime, let attribution {
            let raised = state.openSilence.flatMap { $0.start == last ? $0.openedAt : nil }
            // A silence raised at the end of a batch records its end even when the reading
            // that ends it shows it shorter than the timeout (a unit that uploads late).
            if reading.time - last > timeout || raised != nil {
                post(from: last, to: reading.time, end: reading.time, openedAt: raised ?? reading.time,
                     seqs: state.lastSeq...reading.seq, attribution, &book)
            }
        }
        state.openSilence = nil
        state.lastTime = reading.time
        state.lastSeq = reading.seq
    }

    /// At the end of a batch: the silence after the last reading, if the watermark is
    /// past the timeout.
    func judge(at watermark: Int64, state: inout ContactState, attribution: Attribution, book: inout AlertBook) {
        guard let last = state.lastTime, watermark - last > timeout else { return }
        let openedAt = state.openSilence?.openedAt ?? watermark
        state.openSilence = .init(start: last, openedAt: openedAt)
        post(from: last, to: watermark, end: nil, openedAt: openedAt, seqs: state.lastSeq...state.lastSeq, attribution, &book)
    }

    private func post(from last: Int64, to heard: Int64, end: Int64?, openedAt: Int64, seqs: ClosedRange<UInt32>, _ attribution: Attribution, _ book: inout AlertBook) {
        let unknown = TimeSpan(last + timeout, heard)
        let unverified = attribution.curfew?.curfewTime(in: unknown) ?? 0
        let severity: AlertSeverity = unverified > attribution.grace ? .high : .medium
        book.post(attribution.change(
            EpisodeKey(type: .noContact, device: attribution.assignment.serial, start: last),
            severity: severity, end: end, openedAt: openedAt,
            details: [
                "silentMinutes": .integer((heard - last) / RulesConfiguration.minute),
                "curfewMinutesUnverified": .integer(unverified / RulesConfiguration.minute),
            ],
            seqs: seqs))
    }
}
