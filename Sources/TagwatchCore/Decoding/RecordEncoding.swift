/// The two record encodings of streams.md §2 and how a stream's first bytes tell them
/// apart.
public enum RecordEncoding: String, Sendable, CaseIterable {
    case twr1
    case ndjson

    /// How many bytes ``recognise(_:isComplete:)`` may want before it can decide.
    public static let sniffLength = 64 * 1024

    /// The encoding of a stream beginning with `prefix`, or nil when more bytes are
    /// needed (`isComplete` says none will come).
    ///
    /// `TWR1` is the magic; NDJSON is `{` as the first non-blank byte. Anything else is
    /// damage at the start of a stream: it is read as `TWR1` if a whole record validates
    /// within the first 64 KiB (a damaged header must not cost a binary stream), and as
    /// NDJSON lines otherwise, so every byte is still reported.
    public static func recognise(_ prefix: UnsafeRawBufferPointer, isComplete: Bool) -> RecordEncoding? {
        if prefix.count >= 4, prefix.loadUnaligned(as: UInt32.self) == 0x3152_5754 { return .twr1 }
        if let first = prefix.firstIndex(where: { !isBlank($0) }) {
            if prefix[first] == UInt8(ascii: "{") { return .ndjson }
            if first == 0, prefix.count < 4, !isComplete { return nil }
        } else if !isComplete, prefix.count < sniffLength {
            return nil
        }
        guard prefix.count >= sniffLength || isComplete else { return nil }
        return containsValidRecord(prefix) ? .twr1 : .ndjson
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func containsValidRecord(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var probe = TWR1Decoder(limits: ReadingLimits(wallClock: .max - ReadingLimits.clockTolerance))
        var batch = DecodedBatch()
        _ = probe.decode(bytes, isFinal: true, into: &batch)
        return !batch.readings.isEmpty || batch.unknownKinds > 0
            || batch.rejections.contains { $0.reason != .crc && $0.reason != .length }
    }
}
