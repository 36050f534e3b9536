/// What a decoder produced from the bytes it was given: readings in stream order,
/// rejections, and records of unknown kinds that were skipped.
///
/// The caller drains it after each call and calls ``removeAll()``, which keeps capacity,
/// so decoding allocates nothing per reading.
public struct DecodedBatch: Sendable {
    public var readings: [Reading] = []
    /// Offset in the decoded stream of each reading's record, parallel to `readings`.
    public var offsets: [Int] = []
    public var rejections: [Rejection] = []
    /// `TWR1` records with a valid checksum and a kind this version does not know.
    public var unknownKinds = 0

    public init() {}

    public mutating func removeAll() {
        readings.removeAll(keepingCapacity: true)
        offsets.removeAll(keepingCapacity: true)
        rejections.removeAll(keepingCapacity: true)
        unknownKinds = 0
    }

    public var isEmpty: Bool { readings.isEmpty && rejections.isEmpty && unknownKinds == 0 }
}
