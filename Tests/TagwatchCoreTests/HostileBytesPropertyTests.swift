import PropertyBased
import TagwatchCore
import TagwatchTesting
import Testing

/// Whatever bytes arrive, decoding never crashes, never depends on the chunking, and
/// accounts for every byte (streams.md §5: "nothing that arrived is lost"):
/// - `TWR1`: decoded records, rejected records and damaged ranges, and headers tile the
///   stream, and every decoded record is exactly the bytes of its reading;
/// - NDJSON: decoded and rejected lines cover every byte that is not blank.
@Suite struct HostileBytesPropertyTests {
    /// Some bytes, how they were made, and a chunk size to feed them in.
    struct Case: Sendable, CustomStringConvertible {
        var origin: String
        var bytes: [UInt8]
        var chunkSize: Int
        /// For a damaged binary stream: the readings it was built from.
        var encodedReadings: [Reading]?

        var description: String {
            "\(origin), \(bytes.count) bytes in chunks of \(chunkSize): \(bytes.map { String($0, radix: 16) }.joined(separator: " "))"
        }
    }

    static let jsonishBytes = Array("{}[]\":,.-+eE0123456789 \t\r\n\\uabcdeftrunlsTWR1".utf8)

    static func damage(_ bytes: [UInt8], using rng: inout some RandomNumberGenerator) -> [UInt8] {
        var bytes = bytes
        for _ in 0..<Int.random(in: 1...4, using: &rng) where !bytes.isEmpty {
            let position = Int.random(in: 0..<bytes.count, using: &rng)
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: bytes[position] ^= UInt8.random(in: 1...255, using: &rng)
            case 1: bytes.insert(contentsOf: (0..<Int.random(in: 1...20, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }, at: position)
            case 2: bytes.removeSubrange(position..<min(bytes.count, position + Int.random(in: 1...20, using: &rng)))
            default: bytes.removeSubrange(position...)
            }
        }
        return bytes
    }

    static let cases = Generator<Case, Shrink.None<Case>>(run: { rng in
        let chunkSize = [1, 2, 3, 7, 64, 1000, Int.random(in: 1...5000, using: &rng)].randomElement(using: &rng)!
        let length = Int.random(in: 0...4096, using: &rng)
        func random(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8.random(in: 0...255, using: &rng) } }
        switch Int.random(in: 0..<6, using: &rng) {
        case 0:
            return Case(origin: "random bytes", bytes: random(length), chunkSize: chunkSize)
        case 1:
            return Case(origin: "TWR1 header, then random bytes", bytes: ReferenceTWR1.header + random(length), chunkSize: chunkSize)
        case 2:
            let text = (0..<length).map { _ in jsonishBytes.randomElement(using: &rng)! }
            return Case(origin: "JSON-like text", bytes: [UInt8(ascii: "{")] + text, chunkSize: chunkSize)
        case 3:
            let readings = ReadingGen.readings(count: 0...30, using: &rng)
            return Case(origin: "damaged TWR1 stream", bytes: damage(StreamBuilder.twr1(readings), using: &rng),
                        chunkSize: chunkSize, encodedReadings: readings)
        case 4:
            let readings = ReadingGen.readings(count: 0...30, using: &rng)
            return Case(origin: "damaged NDJSON stream", bytes: damage(StreamBuilder.ndjson(readings), using: &rng), chunkSize: chunkSize)
        default:
            let readings = ReadingGen.readings(count: 1...10, using: &rng)
            var bytes = StreamBuilder.twr1(readings)
            bytes.replaceSubrange(0..<Int.random(in: 1...8, using: &rng), with: random(Int.random(in: 0...12, using: &rng)))
            return Case(origin: "TWR1 stream with a damaged header", bytes: bytes, chunkSize: chunkSize, encodedReadings: readings)
        }
    })

    @Test func anyBytesDecodeTheSameInAnyChunksAndAreAccountedFor() async {
        await propertyCheck(count: 1500, input: Self.cases) { sample in
            let whole = CoreDecode.run(sample.bytes)
            let chunked = CoreDecode.run(sample.bytes, chunkSize: sample.chunkSize)
            #expect(chunked == whole)
            for rejection in whole.rejections {
                #expect(rejection.offset >= 0 && rejection.length >= 0 && rejection.offset + rejection.length <= sample.bytes.count, "\(rejection)")
            }
            #expect(whole.readings.count == whole.offsets.count)
            switch whole.encoding {
            case .twr1: Self.expectTWR1Accounted(sample, whole)
            case .ndjson: Self.expectNDJSONAccounted(sample.bytes, whole)
            case nil: #expect(sample.bytes.isEmpty)
            }
        }
    }

    /// Decoded records (exactly their readings' bytes), rejected ranges and headers lie
    /// end to end over the whole stream. A damaged binary stream never yields a reading
    /// it was not built from, and keeps their order.
    static func expectTWR1Accounted(_ sample: Case, _ decoded: CoreDecoded) {
        let bytes = sample.bytes
        var ranges: [(start: Int, end: Int)] = decoded.rejections.map { ($0.offset, $0.offset + $0.length) }
        for (reading, offset) in zip(decoded.readings, decoded.offsets) {
            let record = ReferenceTWR1.record(for: reading)
            ranges.append((offset, offset + record.count))
            #expect(offset + record.count <= bytes.count && Array(bytes[offset..<min(bytes.count, offset + record.count)]) == record,
                    "record at \(offset)")
        }
        ranges.sort { ($0.start, $0.end) < ($1.start, $1.end) }
        var position = 0
        for range in ranges {
            #expect(range.start >= position, "ranges overlap at \(range.start)")
            if decoded.unknownKinds == 0 {
                let gap = Array(bytes[min(position, range.start)..<range.start])
                #expect(isHeaders(gap), "unaccounted bytes \(position)..<\(range.start)")
            }
            position = max(position, range.end)
        }
        if decoded.unknownKinds == 0 {
            #expect(isHeaders(Array(bytes[min(position, bytes.count)...])), "unaccounted bytes from \(position)")
        }
        if let encoded = sample.encodedReadings {
            var remaining = encoded.map(\.exactImage)[...]
            for reading in decoded.readings {
                guard let found = remaining.firstIndex(of: reading.exactImage) else {
                    Issue.record("decoded a reading that was never encoded, or out of order: \(reading)")
                    break
                }
                remaining = remaining[(found + 1)...]
            }
        }
    }

    static func isHeaders(_ gap: [UInt8]) -> Bool {
        gap.count.isMultiple(of: 8) && stride(from: 0, to: gap.count, by: 8).allSatisfy { Array(gap[$0..<($0 + 8)]) == ReferenceTWR1.header }
    }

    /// Every rejection and every decoded reading is one line (from a line start, up to
    /// its line end); all bytes outside them are blanks and line ends.
    static func expectNDJSONAccounted(_ bytes: [UInt8], _ decoded: CoreDecoded) {
        var covered = [Bool](repeating: false, count: bytes.count)
        func line(from start: Int, length: Int?) {
            #expect(start == 0 || bytes[start - 1] == 0x0A, "line at \(start) does not start a line")
            let end = length.map { start + $0 } ?? (bytes[start...].firstIndex(of: 0x0A) ?? bytes.count)
            #expect(!bytes[start..<end].contains(0x0A), "line at \(start) holds a newline")
            #expect(end == bytes.count || bytes[end] == 0x0A || (bytes[end] == 0x0D && end + 1 < bytes.count && bytes[end + 1] == 0x0A),
                    "line at \(start) does not end at a line end")
            for index in start..<end {
                #expect(!covered[index], "byte \(index) is in two lines")
                covered[index] = true
            }
        }
        for rejection in decoded.rejections {
            #expect(rejection.length > 0, "\(rejection)")
            line(from: rejection.offset, length: rejection.length)
        }
        for offset in decoded.offsets {
            line(from: offset, length: nil)
        }
        for (index, byte) in bytes.enumerated() where !covered[index] {
            #expect([0x20, 0x09, 0x0D, 0x0A].contains(byte), "byte \(index) (0x\(String(byte, radix: 16))) is not accounted for")
        }
    }
}
