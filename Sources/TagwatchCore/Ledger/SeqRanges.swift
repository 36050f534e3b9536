/// A set of `seq` numbers held as sorted, disjoint, non-adjacent ranges. A device that
/// numbers its readings without gaps costs one range however many readings it sends.
struct SeqRanges: Sendable {
    private(set) var ranges: [ClosedRange<UInt32>] = []

    /// Inserts `seq`; false when it was already in the set.
    mutating func insert(_ seq: UInt32) -> Bool {
        if let last = ranges.last {
            if seq > last.upperBound {
                if seq == last.upperBound &+ 1 {
                    ranges[ranges.count - 1] = last.lowerBound...seq
                } else {
                    ranges.append(seq...seq)
                }
                return true
            }
        } else {
            ranges.append(seq...seq)
            return true
        }
        // Out of order: find the first range ending at or after `seq`.
        var low = 0, high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound < seq { low = middle + 1 } else { high = middle }
        }
        if ranges[low].contains(seq) { return false }
        let joinsNext = ranges[low].lowerBound == seq &+ 1
        let joinsPrevious = low > 0 && ranges[low - 1].upperBound &+ 1 == seq
        switch (joinsPrevious, joinsNext) {
        case (true, true):
            ranges[low - 1] = ranges[low - 1].lowerBound...ranges[low].upperBound
            ranges.remove(at: low)
        case (true, false):
            ranges[low - 1] = ranges[low - 1].lowerBound...seq
        case (false, true):
            ranges[low] = seq...ranges[low].upperBound
        case (false, false):
            ranges.insert(seq...seq, at: low)
        }
        return true
    }

    func contains(_ seq: UInt32) -> Bool {
        var low = 0, high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound < seq { low = middle + 1 } else { high = middle }
        }
        return low < ranges.count && ranges[low].contains(seq)
    }
}
