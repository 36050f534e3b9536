import TagwatchCore
import TagwatchTesting
import Testing

/// `ReadingDecoder` holds back only what a record or line still needs, so where the
/// bytes are cut never changes what is decoded: same readings, offsets, rejections
/// (reason, offset, length and detail) and unknown kinds for every chunk size.
@Suite struct ReadingDecoderChunkingTests {
    typealias R = ReferenceTWR1
    typealias F = NDJSONFixtures

    static let chunkSizes = [1, 2, 3, 7, 64, 1000, 65_537]

    /// Readings of every kind, many of them, so that the streams are longer than the
    /// largest chunk and than the 64 KiB an encoding may be sniffed over.
    static let manyReadings: [Reading] = (0..<2400).map { index in
        var reading = Make.oneOfEachKind[index % Make.oneOfEachKind.count]
        reading.seq = UInt32(index)
        reading.time += Int64(index) * 1000
        return reading
    }

    /// A binary stream with every kind of trouble: a repeated header, unknown kinds (one
    /// of the largest size), every reason a framed record is rejected for, damage, and a
    /// record cut off at the end.
    static let twr1Stream: [UInt8] = {
        let readings = manyReadings
        var bytes = R.header
        for (index, reading) in readings.enumerated() {
            bytes += R.record(for: reading)
            switch index {
            case 100: bytes += R.header
            case 200: bytes += R.record(kind: 99, body: [UInt8](repeating: 0xA7, count: 1024))
            case 300: bytes += Corruption.flipping(R.record(for: reading), at: 9)
            case 400: bytes += [0xA7, 0x01, 0xFF, 0xFF, 0x00]
            case 500: bytes += R.record(kind: 3, body: R.body(dev: "S", seq: 1, t: Make.morning, payload: [1, 1]))
            case 600: bytes += R.record(kind: 5, body: R.body(dev: "B", seq: 1, t: Make.morning, payload: [101]))
            case 700: bytes += R.record(kind: 6, body: R.body(dev: "a b", seq: 1, t: Make.morning, payload: []))
            case 800: bytes += R.record(kind: 6, body: R.body(dev: "C", seq: 1, t: 5, payload: []))
            case 900: bytes += utf8("TWR1") + [9, 9, 9, 9]
            case 1000: bytes += R.record(kind: 99, body: [UInt8](repeating: 0, count: 1025))
            case 1100: bytes += [UInt8](repeating: 0x33, count: 3000)
            case 1200: bytes += R.record(kind: 1, body: [UInt8](repeating: 0xA7, count: 1000), crc: 1)
            default: break
            }
        }
        bytes += R.record(for: readings[0]).dropLast(3)
        return bytes
    }()

    /// The same records behind a damaged header, so that the encoding is only known
    /// once 64 KiB have been sniffed.
    static let twr1DamagedHeaderStream: [UInt8] = [0, 0, 0, 0] + twr1Stream.dropFirst(4)

    /// An NDJSON stream with every kind of line: each kind, CRLF and LF, blank lines,
    /// every rejection reason, lines at and over the limit (LF and CRLF), and a last line
    /// without a newline.
    static let ndjsonStream: [UInt8] = {
        var bytes: [UInt8] = []
        for (index, line) in F.specLines.enumerated() {
            bytes += utf8(line + (index.isMultiple(of: 2) ? "\n" : "\r\n"))
        }
        bytes += utf8("\n\r\n \t \n")
        for line in ["not json", #"{"dev":"A"}"#, #"{"dev":1,"seq":1,"t":1763798400000,"k":"hb"}"#,
                     #"{"dev":"A","seq":1,"t":1763798400000,"k":"x"}"#, #"{"dev":"","seq":1,"t":1763798400000,"k":"hb"}"#,
                     #"{"dev":"A","seq":1,"t":5,"k":"hb"}"#] {
            bytes += utf8(line + "\r\n")
        }
        bytes += F.paddedLine(length: 65_536, seq: 1).line + [0x0A]
        bytes += F.paddedLine(length: 65_536, seq: 2).line + [0x0D, 0x0A]
        bytes += F.paddedLine(length: 65_537, seq: 3).line + [0x0A]
        bytes += F.paddedLine(length: 65_537, seq: 4).line + [0x0D, 0x0A]
        bytes += F.paddedLine(length: 65_535, seq: 5).line + [0x0D, 0x0A]
        bytes += [UInt8](repeating: UInt8(ascii: "q"), count: 200_000) + [0x0D, 0x0A]
        bytes += [UInt8](repeating: UInt8(ascii: "r"), count: 70_000) + [0x0A]
        for (index, line) in F.specLines.enumerated() {
            bytes += utf8(line + (index.isMultiple(of: 3) ? "\r\n" : "\n"))
        }
        bytes += utf8(F.specLines[6])
        return bytes
    }()

    static func expectSameForEveryChunking(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> CoreDecoded {
        let whole = CoreDecode.run(bytes)
        for chunkSize in chunkSizes {
            let chunked = CoreDecode.run(bytes, chunkSize: chunkSize)
            #expect(chunked.readings == whole.readings, "chunks of \(chunkSize)", sourceLocation: sourceLocation)
            #expect(chunked.offsets == whole.offsets, "chunks of \(chunkSize)", sourceLocation: sourceLocation)
            #expect(chunked.rejections == whole.rejections, "chunks of \(chunkSize)", sourceLocation: sourceLocation)
            #expect(chunked.unknownKinds == whole.unknownKinds, "chunks of \(chunkSize)", sourceLocation: sourceLocation)
            #expect(chunked.encoding == whole.encoding, "chunks of \(chunkSize)", sourceLocation: sourceLocation)
        }
        let irregular = CoreDecode.run(bytes, chunkSizes: [1, 4095, 3, 65_536, 2, 1031, 1033, 8])
        #expect(irregular == whole, "irregular chunks", sourceLocation: sourceLocation)
        return whole
    }

    @Test func twr1IsTheSameForEveryChunking() {
        let whole = Self.expectSameForEveryChunking(Self.twr1Stream)
        // And what is decoded is what was built: every reading, and one rejection per
        // planted problem, in order.
        #expect(whole.encoding == .twr1)
        #expect(whole.readings == Self.manyReadings)
        #expect(whole.unknownKinds == 1)
        #expect(whole.rejections.map(\.reason) == [.crc, .length, .length, .type, .deviceID, .clock, .crc, .length, .crc, .crc, .length])
    }

    @Test func twr1BehindADamagedHeaderIsTheSameForEveryChunking() {
        #expect(Self.twr1DamagedHeaderStream.count > RecordEncoding.sniffLength)
        let whole = Self.expectSameForEveryChunking(Self.twr1DamagedHeaderStream)
        #expect(whole.encoding == .twr1)
        #expect(whole.readings == Self.manyReadings)
        #expect(whole.rejections.first == Rejection(reason: .crc, offset: 0, length: 8, detail: whole.rejections.first?.detail ?? ""))
    }

    @Test func ndjsonIsTheSameForEveryChunking() {
        let whole = Self.expectSameForEveryChunking(Self.ndjsonStream)
        #expect(whole.encoding == .ndjson)
        let padded = [1, 2, 5].map { F.paddedLine(length: 65_536, seq: $0).reading }
        #expect(whole.readings == F.specReadings + padded + F.specReadings + [F.specReadings[6]])
        #expect(whole.rejections.map(\.reason) == [.json, .field, .type, .kind, .deviceID, .clock, .length, .length, .length, .length])
        #expect(whole.rejections.suffix(4).map(\.length) == [65_537, 65_537, 200_000, 70_000])
    }

    @Test func aShortGarbageStreamIsTheSameForEveryChunking() {
        let whole = Self.expectSameForEveryChunking(utf8("garbage\nmore garbage\r\n{\"dev\""))
        #expect(whole.encoding == .ndjson)
        #expect(whole.rejections.map(\.reason) == [.json, .json, .json])
    }

    @Test func everyTwoPieceSplitOfASmallStreamDecodesTheSame() {
        for bytes in [R.stream(Make.oneOfEachKind) + R.header + [0xA7, 1, 2], F.stream(F.specLines, terminator: "\r\n") + utf8("{")] {
            let whole = CoreDecode.run(bytes)
            for split in 1..<bytes.count {
                let chunked = CoreDecode.run(bytes, chunkSizes: [split, bytes.count])
                #expect(chunked == whole, "split at \(split)")
            }
        }
    }
}
