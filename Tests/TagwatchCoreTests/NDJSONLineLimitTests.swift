import TagwatchCore
import Testing

/// streams.md §2.2: "A line longer than 64 KiB is rejected without being buffered whole."
/// 64 KiB is 65 536 bytes, not counting the line end.
@Suite struct NDJSONLineLimitTests {
    typealias F = NDJSONFixtures

    static let limit = 64 * 1024

    @Test func theLimitIs64KiB() {
        #expect(NDJSONDecoder.maximumLineLength == Self.limit)
    }

    @Test(arguments: ["\n", "\r\n", ""])
    func aLineOfExactly64KiBIsParsed(terminator: String) {
        let padded = F.paddedLine(length: Self.limit)
        #expect(padded.line.count == 65_536)
        let head = utf8(F.before.line + "\n")
        let result = CoreDecode.run(head + padded.line + utf8(terminator))
        #expect(result.readings == [F.before.reading, padded.reading])
        #expect(result.offsets == [0, head.count])
        #expect(result.rejections.isEmpty)
    }

    @Test(arguments: ["\n", "\r\n", ""])
    func aLineOfOneByteMoreIsLength(terminator: String) {
        let padded = F.paddedLine(length: Self.limit + 1)
        #expect(padded.line.count == 65_537)
        let head = utf8(F.before.line + "\n")
        let tail = terminator.isEmpty ? [] : utf8(terminator + F.after.line + "\n")
        let result = CoreDecode.run(head + padded.line + tail)
        #expect(result.readings == (terminator.isEmpty ? [F.before.reading] : [F.before.reading, F.after.reading]))
        #expect(result.rejections.map(\.reason) == [.length])
        #expect(result.rejections.map(\.offset) == [head.count])
        #expect(result.rejections.map(\.length) == [65_537])
    }

    /// Even a line that is not JSON at all is rejected for its length first.
    @Test func anOverlongLineIsLengthWhateverItHolds() {
        let line = [UInt8](repeating: UInt8(ascii: "x"), count: Self.limit + 1)
        let result = CoreDecode.run(utf8(F.before.line + "\n") + line + [0x0A])
        #expect(result.rejections.map(\.reason) == [.length])
    }

    static let tenMiB = 10 * 1024 * 1024

    /// A 10 MiB line of an unknown field's text, without a newline until its end.
    static func hugeLine() -> [UInt8] {
        let line = utf8(#"{"dev":"BIG","seq":1,"t":1763798400000,"k":"hb","x":""#)
            + [UInt8](repeating: UInt8(ascii: "a"), count: tenMiB - 55) + utf8(#""}"#)
        precondition(line.count == tenMiB)
        return line
    }

    @Test(arguments: [nil, 64 * 1024, 1000, 65_537])
    func aTenMiBLineIsLengthAndTheNextLineStillDecodes(chunkSize: Int?) {
        let head = utf8(F.before.line + "\n")
        let bytes = head + Self.hugeLine() + utf8("\n" + F.after.line + "\n")
        let result = CoreDecode.run(bytes, chunkSize: chunkSize)
        #expect(result.readings == [F.before.reading, F.after.reading])
        #expect(result.offsets == [0, head.count + Self.tenMiB + 1])
        #expect(result.rejections.map(\.reason) == [.length])
        #expect(result.rejections.map(\.offset) == [head.count])
        #expect(result.rejections.map(\.length) == [Self.tenMiB])
    }

    @Test(arguments: [nil, 64 * 1024])
    func aTenMiBLastLineWithoutNewlineIsLength(chunkSize: Int?) {
        let result = CoreDecode.run(Self.hugeLine(), chunkSize: chunkSize)
        #expect(result.readings.isEmpty)
        #expect(result.rejections.map(\.reason) == [.length])
        #expect(result.rejections.map(\.offset) == [0])
        #expect(result.rejections.map(\.length) == [Self.tenMiB])
    }

    /// The bytes a `ReadingDecoder` holds back between calls, read by reflection: the
    /// one observable sign of buffering.
    static func heldBack(by decoder: ReadingDecoder) throws -> Int {
        let carry = Mirror(reflecting: decoder).children.first { $0.label == "carry" }?.value
        return try #require(carry as? [UInt8], "ReadingDecoder no longer keeps its held-back bytes in `carry`").count
    }

    /// Fed through `ReadingDecoder` in 64 KiB chunks, the line is never held back whole:
    /// between calls the decoder keeps at most one line's worth of bytes.
    @Test func aTenMiBLineIsNotBufferedWhole() throws {
        let chunkSize = 64 * 1024
        var decoder = ReadingDecoder(limits: ReadingLimits(wallClock: CoreDecode.farFuture))
        var batch = DecodedBatch()
        var mostHeld = 0
        let bytes = Self.hugeLine() + utf8("\n" + F.after.line + "\n")
        try bytes.withUnsafeBytes { all in
            var start = 0
            while start < all.count {
                let end = min(all.count, start + chunkSize)
                decoder.feed(UnsafeRawBufferPointer(rebasing: all[start..<end]), into: &batch)
                mostHeld = max(mostHeld, try Self.heldBack(by: decoder))
                start = end
            }
        }
        decoder.finish(into: &batch)
        #expect(mostHeld <= Self.limit + 2)
        #expect(batch.rejections.map(\.length) == [Self.tenMiB])
        #expect(batch.readings == [F.after.reading])
    }

    /// The same through `NDJSONDecoder` itself: once a line is known to be too long,
    /// every later chunk of it is consumed at once, so its caller holds nothing back.
    @Test func ndjsonDecoderConsumesAnOverlongLineAsItStreamsPast() {
        let chunkSize = 64 * 1024
        var decoder = NDJSONDecoder(limits: ReadingLimits(wallClock: CoreDecode.farFuture))
        var batch = DecodedBatch()
        var held: [UInt8] = []
        var mostHeld = 0
        let bytes = Self.hugeLine() + utf8("\n" + F.after.line + "\n")
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + chunkSize)
            held += bytes[start..<end]
            let consumed = held.withUnsafeBytes { decoder.decode($0, isFinal: false, into: &batch) }
            held.removeFirst(consumed)
            mostHeld = max(mostHeld, held.count)
            start = end
        }
        let consumed = held.withUnsafeBytes { decoder.decode($0, isFinal: true, into: &batch) }
        #expect(consumed == held.count)
        #expect(mostHeld <= Self.limit + 1)
        #expect(decoder.offset == bytes.count)
        #expect(batch.rejections.map(\.length) == [Self.tenMiB])
        #expect(batch.readings == [F.after.reading])
    }

    @Test func overlongCRLFLinesAreTheSameLengthWhereverTheChunksEnd() {
        let line = [UInt8](repeating: UInt8(ascii: "z"), count: 70_000)
        let bytes = utf8(F.before.line + "\r\n") + line + utf8("\r\n" + F.after.line + "\r\n")
        let whole = CoreDecode.run(bytes)
        #expect(whole.rejections.map(\.length) == [70_000])
        for chunkSize in [1000, 4096, 65_536, 65_537, 70_000 + F.before.line.utf8.count + 3] {
            let chunked = CoreDecode.run(bytes, chunkSize: chunkSize)
            #expect(chunked == whole, "chunks of \(chunkSize)")
        }
    }
}
