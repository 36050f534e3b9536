/// Which readings were already accepted, per device, so that a repeat is dropped as a
/// *duplicate* or, when its content differs, a *conflict* (streams.md §3).
///
/// Memory is state, not history: the accepted `seq` numbers as ranges (one range for a
/// device without gaps), and digests of the readings within `conflictWindow` of the
/// device's latest, against which a repeat's content is checked. A repeat of an older
/// reading is still a duplicate; its content is no longer compared.
public struct ReadingLedger: Sendable {
    public enum Verdict: Sendable, Equatable {
        case accepted
        case duplicate
        case conflict
    }

    /// How far back, in the device's time, a repeat's content is compared (the
    /// contract asks for at least `gapHoldMinutes`, 360 by default).
    public let conflictWindow: Int64
    private var slots = DeviceSlots()
    private var devices: [DeviceHistory] = []

    public init(conflictWindowMinutes: Int = 360) {
        conflictWindow = Int64(conflictWindowMinutes) * 60_000
    }

    /// Number of devices seen.
    public var deviceCount: Int { devices.count }

    /// Records `reading` if its (`device`, `seq`) is new, and says what it was.
    public mutating func record(_ reading: Reading) -> Verdict {
        let slot = slot(for: reading.device)
        return devices[slot].record(reading, window: conflictWindow)
    }

    private mutating func slot(for serial: DeviceSerial) -> Int {
        let (slot, isNew) = slots.slot(for: serial)
        if isNew { devices.append(DeviceHistory()) }
        return slot
    }
}

/// One device's accepted `seq` numbers and recent digests.
private struct DeviceHistory: Sendable {
    struct Recent: Sendable {
        var seq: UInt32
        var time: Int64
        var digest: UInt64
    }

    var accepted = SeqRanges()
    /// Sorted by `seq`; entries before `head` have left the window.
    var recent: [Recent] = []
    var head = 0
    var latestTime = Int64.min

    mutating func record(_ reading: Reading, window: Int64) -> ReadingLedger.Verdict {
        let digest = reading.contentDigest
        guard accepted.insert(reading.seq) else {
            guard let position = position(of: reading.seq), recent[position].seq == reading.seq else {
                return .duplicate
            }
            return recent[position].digest == digest ? .duplicate : .conflict
        }
        let entry = Recent(seq: reading.seq, time: reading.time, digest: digest)
        if head == recent.count || recent[recent.count - 1].seq < reading.seq {
            recent.append(entry)
        } else {
            let position = position(of: reading.seq) ?? recent.count
            if position == head {
                prepend(entry)
            } else {
                recent.insert(entry, at: position)
            }
        }
        latestTime = max(latestTime, reading.time)
        trim(before: latestTime &- window)
        return .accepted
    }

    /// The first position at or after `head` whose `seq` is not below `seq`.
    private func position(of seq: UInt32) -> Int? {
        var low = head, high = recent.count
        while low < high {
            let middle = (low + high) / 2
            if recent[middle].seq < seq { low = middle + 1 } else { high = middle }
        }
        return low < recent.count ? low : nil
    }

    /// The most digests kept per device: far above what a real device sends in six hours
    /// (about 400 for a curfew tag; a tag flapping every few seconds stays under it), and
    /// a bound on the cost of inserting a reading that arrives out of order.
    static let recentLimit = 32_768

    /// Puts `entry` before all live ones in constant time (amortised): into the dead
    /// slot before `head`, opening a gap at the front when there is none, so readings
    /// arriving in descending `seq` do not shift the window each time.
    private mutating func prepend(_ entry: Recent) {
        if head == 0 {
            let gap = max(16, recent.count)
            recent.insert(contentsOf: repeatElement(entry, count: gap), at: 0)
            head = gap
        }
        head -= 1
        recent[head] = entry
    }

    private mutating func trim(before cutoff: Int64) {
        while head < recent.count, recent[head].time < cutoff || recent.count - head > Self.recentLimit { head += 1 }
        if head > 64, head * 2 > recent.count {
            recent.removeFirst(head)
            head = 0
        }
    }
}
