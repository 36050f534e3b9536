import TagwatchCore

/// One device's place in its `seq` numbering (streams.md §3): which reading comes next,
/// the readings waiting for a gap to fill, and the gaps declared lost, so that a reading
/// arriving for one of them later is recognised as *late*, not as a duplicate.
///
/// Memory is bounded by the gap hold: held readings span at most `gapHoldMinutes` of the
/// device's time before the gap is declared lost and they are released.
struct SequenceState: Sendable, Codable, Equatable {
    /// The `seq` the device's evaluation waits for; nil before its first reading. Wider
    /// than a `seq`, so that after `UInt32.max` nothing can come next (no wrap to 0).
    var next: UInt64?
    /// Time of the last reading released for evaluation (the reading before a gap).
    var lastTime: Int64 = 0
    /// Readings past a gap (or a new device's first readings), sorted by `seq`.
    var held: [Reading] = []
    /// The latest `t` among `held`.
    var heldLatest: Int64 = .min
    /// `seq` numbers declared lost and not yet received, sorted and disjoint. Numbers
    /// below a device's first evaluated reading count as lost, so an earlier upload
    /// delivered in a later batch is late, not a duplicate.
    var lost: [ClosedRange<UInt32>] = []

    /// The most lost ranges remembered per device; the oldest are forgotten first (a
    /// reading for one of those then counts as a duplicate).
    static let lostRangeLimit = 1024

    enum Verdict: Equatable {
        /// Next in order: evaluate it now (then any held readings it releases).
        case next
        /// Past a gap: held until the gap fills or is declared lost.
        case held
        /// For a gap already declared lost: evaluate it as a segment of its own.
        case late
        /// Already received.
        case duplicate
    }

    mutating func admit(_ reading: Reading) -> Verdict {
        // A new device's first readings wait as behind a gap, so that a first batch
        // delivered out of order is still evaluated in order (see `start`).
        guard let expected = next else { return hold(reading) ? .held : .duplicate }
        if UInt64(reading.seq) == expected {
            next = expected + 1
            lastTime = reading.time
            return .next
        }
        if UInt64(reading.seq) > expected {
            return hold(reading) ? .held : .duplicate
        }
        return takeLost(reading.seq) ? .late : .duplicate
    }

    /// The held readings now in order, removed from the hold.
    mutating func releaseInOrder() -> [Reading] {
        guard let expected = next else { return [] }
        var count = 0
        var seq = expected
        while count < held.count, UInt64(held[count].seq) == seq {
            seq += 1
            count += 1
        }
        guard count > 0 else { return [] }
        next = seq
        lastTime = held[count - 1].time
        if count == held.count {
            // The usual case, a gap filled or a new device started: all of them, uncopied.
            var released: [Reading] = []
            swap(&released, &held)
            heldLatest = .min
            return released
        }
        let released = Array(held[..<count])
        held.removeFirst(count)
        heldLatest = held.reduce(.min) { max($0, $1.time) }
        return released
    }

    /// Starts a new device's evaluation at its lowest `seq` held, once its readings span
    /// more than `hold` or the batch ends (`atBatchEnd`); true when it started.
    mutating func start(hold: Int64, atBatchEnd: Bool) -> Bool {
        guard next == nil, let first = held.first, atBatchEnd || heldLatest - first.time > hold else { return false }
        next = UInt64(first.seq)
        lastTime = first.time
        if first.seq > 0 { lost = [0...(first.seq - 1)] }
        return true
    }

    /// The gap before the first held reading, when it has waited long enough: the
    /// held readings run more than `hold` past the reading before it, or `watermark`
    /// (at the end of a batch) does. Declares it lost and returns the missing numbers
    /// with the times of the readings either side.
    mutating func declareGapLost(hold: Int64, watermark: Int64?) -> LostGap? {
        guard let expected = next, let first = held.first else { return nil }
        guard heldLatest - lastTime > hold || (watermark.map { $0 - lastTime > hold } ?? false) else { return nil }
        let gap = LostGap(seqs: UInt32(expected)...(first.seq - 1), before: lastTime, after: first.time)
        remember(lost: gap.seqs)
        next = UInt64(first.seq)
        return gap
    }

    private mutating func hold(_ reading: Reading) -> Bool {
        // The usual case, a device's readings in order behind a gap: they go at the end.
        if held.last.map({ $0.seq < reading.seq }) ?? true {
            held.append(reading)
            heldLatest = max(heldLatest, reading.time)
            return true
        }
        var low = 0, high = held.count
        while low < high {
            let middle = (low + high) / 2
            if held[middle].seq < reading.seq { low = middle + 1 } else { high = middle }
        }
        if low < held.count, held[low].seq == reading.seq { return false }
        held.insert(reading, at: low)
        heldLatest = max(heldLatest, reading.time)
        return true
    }

    private mutating func takeLost(_ seq: UInt32) -> Bool {
        guard let index = lost.firstIndex(where: { $0.contains(seq) }) else { return false }
        let range = lost[index]
        var parts: [ClosedRange<UInt32>] = []
        if range.lowerBound < seq { parts.append(range.lowerBound...(seq - 1)) }
        if seq < range.upperBound { parts.append((seq + 1)...range.upperBound) }
        lost.replaceSubrange(index...index, with: parts)
        return true
    }

    private mutating func remember(lost range: ClosedRange<UInt32>) {
        lost.append(range)
        if lost.count > Self.lostRangeLimit { lost.removeFirst(lost.count - Self.lostRangeLimit) }
    }
}

/// A `seq` gap declared lost: the numbers never received, and the times of the readings
/// before and after it (`device.data_gap`'s start and end).
struct LostGap: Equatable {
    var seqs: ClosedRange<UInt32>
    var before: Int64
    var after: Int64
}
