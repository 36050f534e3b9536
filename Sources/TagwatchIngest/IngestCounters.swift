import TagwatchCore

/// What ingesting a stream (or a batch of them) came to, with the counters of the
/// contract (streams.md §5, alerts.md `ingest --format json`).
public struct IngestCounters: Sendable, Equatable {
    public var accepted = 0
    public var duplicates = 0
    public var conflicts = 0
    /// Readings that came after their gap was declared lost (streams.md §3).
    public var late = 0
    public var unknownKinds = 0
    /// Rejected records by reason, indexed like `RejectReason.allCases`.
    public private(set) var rejectedByReason = [Int](repeating: 0, count: RejectReason.allCases.count)
    /// Compressed bytes lost to container damage.
    public var bytesLost = 0
    /// Damaged container ranges found (each also counts its bytes in `bytesLost`).
    public var damagedRanges = 0

    public init() {}

    public mutating func countRejection(_ reason: RejectReason) {
        rejectedByReason[Self.position(of: reason)] += 1
    }

    public func rejected(_ reason: RejectReason) -> Int {
        rejectedByReason[Self.position(of: reason)]
    }

    /// Rejected records of every reason.
    public var rejectedTotal: Int { rejectedByReason.reduce(0, +) }

    /// Whether anything that arrived was not taken in: a rejected record, a conflict
    /// (a second, different reading under one identity) or container damage.
    public var hasRejections: Bool {
        rejectedTotal > 0 || conflicts > 0 || bytesLost > 0 || damagedRanges > 0
    }

    public static func += (total: inout IngestCounters, stream: IngestCounters) {
        total.accepted += stream.accepted
        total.duplicates += stream.duplicates
        total.conflicts += stream.conflicts
        total.late += stream.late
        total.unknownKinds += stream.unknownKinds
        for index in total.rejectedByReason.indices {
            total.rejectedByReason[index] += stream.rejectedByReason[index]
        }
        total.bytesLost += stream.bytesLost
        total.damagedRanges += stream.damagedRanges
    }

    private static func position(of reason: RejectReason) -> Int {
        RejectReason.allCases.firstIndex(of: reason)!
    }
}
