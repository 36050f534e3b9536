import TagwatchCaseload
import TagwatchCore

/// A curfew tag's presence (rules.md, "Curfew orders"): each `rf` reading sets in range
/// or out of range until the next; after `contactTimeout` without one, presence is
/// unknown, and unknown is never an absence.
struct PresenceState: Sendable, Codable, Equatable {
    var lastTime: Int64?
    var away: AwayStretch?
}

/// A maximal out-of-range stretch, and how far its absences are settled.
struct AwayStretch: Sendable, Codable, Equatable {
    var start: Int64
    var firstSeq: UInt32
    var lastSeq: UInt32
    /// Curfew intervals closing at or before this are settled: their absence is final.
    var settledUntil: Int64
    /// Absences raised and not settled, by start, with the time that raised each.
    var raised: [Int64: Int64] = [:]
    /// No curfew interval opens before this: a shortcut for the minutes away in the day,
    /// not stored, since a reloaded caseload may add curfew time.
    var quietUntil: Int64 = .min

    enum CodingKeys: String, CodingKey {
        case start, firstSeq, lastSeq, settledUntil, raised
    }
}

/// `curfew.absence`: the part of an away stretch inside a curfew interval, when longer
/// than the grace, one alert per part, opened once it passes the grace and updated until
/// the subject returns or the interval closes. The pattern is judged against the
/// interval: `late` (away when it opened), `during`, and once it closes first, `whole`
/// or `early`.
struct PresenceRule {
    let contactTimeout: Int64

    func heard(_ reading: Reading, inRange: Bool, state: inout PresenceState, attribution: Attribution, book: inout AlertBook) {
        if case .some = state.away {
            if let last = state.lastTime, reading.time - last > contactTimeout {
                // Presence was unknown from the timeout on: the stretch ended there.
                settle(&state.away!, until: last + contactTimeout, ended: true, at: reading.time, attribution, &book)
                state.away = nil
            } else if inRange {
                settle(&state.away!, until: reading.time, ended: true, at: reading.time, attribution, &book)
                state.away = nil
            } else {
                state.away!.lastSeq = reading.seq
                settle(&state.away!, until: reading.time, ended: false, at: reading.time, attribution, &book)
            }
        }
        if !inRange, case .none = state.away {
            state.away = AwayStretch(start: reading.time, firstSeq: reading.seq, lastSeq: reading.seq, settledUntil: reading.time)
        }
        state.lastTime = reading.time
    }

    /// At the end of a batch: an ongoing absence as the watermark sees it, no further than
    /// the time presence is known. Provisional: the device's next upload may show the
    /// subject back sooner, so nothing is settled and the next reading judges again.
    func judge(at watermark: Int64, state: inout PresenceState, attribution: Attribution, book: inout AlertBook) {
        guard let last = state.lastTime, var away = state.away else { return }
        settle(&away, until: min(watermark, last + contactTimeout), ended: false, at: watermark, provisional: true, attribution, &book)
        state.away = away
    }

    /// Ends the stretch where presence stops being known (the end of a late segment).
    func finish(state: inout PresenceState, attribution: Attribution, book: inout AlertBook) {
        guard let last = state.lastTime, var away = state.away else { return }
        settle(&away, until: last + contactTimeout, ended: true, at: last, attribution, &book)
        state.away = nil
    }

    /// Posts the absences of `away` up to `now`; `ended` when the stretch ends at `now`
    /// (the subject returned, or presence became unknown). `time` is the event time that
    /// raises an absence first seen now. A `provisional` judgement settles nothing.
    private func settle(_ away: inout AwayStretch, until now: Int64, ended: Bool, at time: Int64, provisional: Bool = false, _ attribution: Attribution, _ book: inout AlertBook) {
        guard let curfew = attribution.curfew, now > away.settledUntil, now > away.quietUntil else { return }
        let intervals = curfew.intervals(overlapping: TimeSpan(max(away.start, away.settledUntil), now))
        if intervals.isEmpty {
            // Away outside curfew time (the day at work): nothing to do until the next opens.
            let ahead = now + 2 * CurfewCalendar.day
            away.quietUntil = curfew.intervals(overlapping: TimeSpan(now, ahead)).first?.start ?? ahead
            return
        }
        for interval in intervals {
            let start = max(away.start, interval.start)
            let end = min(now, interval.end)
            // Returning at the very moment the interval closes is returning within it.
            let closed = interval.end < now || (interval.end == now && !ended)
            // Under the grace raises nothing, unless a provisional judgement already
            // raised it: then the alert is corrected to what the readings show. Once
            // settled, it is noted for the compliance summary.
            guard end - start > attribution.grace || away.raised[start] != nil else {
                if closed || ended, !provisional, end > start, let order = attribution.order {
                    book.note(ShortAbsence(order: order.id, subject: attribution.subject.id, device: attribution.assignment.serial,
                                           start: start, end: end))
                    if closed { away.settledUntil = interval.end }
                }
                continue
            }
            let late = away.start <= interval.start
            let pattern = late ? (closed ? "whole" : "late") : (closed ? "early" : "during")
            let openedAt = away.raised[start] ?? time
            away.raised[start] = openedAt
            book.post(attribution.change(
                EpisodeKey(type: .curfewAbsence, device: attribution.assignment.serial, start: start),
                severity: AlertType.curfewAbsence.baseSeverity, end: closed || ended ? end : nil, openedAt: openedAt,
                details: [
                    "pattern": .text(pattern),
                    "minutesAbsent": .integer((end - start) / RulesConfiguration.minute),
                    "curfewFrom": .time(interval.start),
                    "curfewTo": .time(interval.end),
                ],
                seqs: away.firstSeq...away.lastSeq))
            if closed, !provisional {
                away.settledUntil = interval.end
                away.raised[start] = nil
            }
        }
    }
}
