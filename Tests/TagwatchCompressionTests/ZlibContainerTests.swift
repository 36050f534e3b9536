import TagwatchCompression
import TagwatchCore
import TagwatchTesting
import Testing

/// streams.md §1: a zlib container is one zlib stream; damage loses the rest of it, and
/// bytes after it are lost.
@Suite struct ZlibContainerTests {
    static let readings = Fixtures.readings(device: "ZLIB-UNIT", count: 120, seed: 500)
    static let upload = Upload(readings, as: .twr1)
    static let stream = Compressor.zlibStream(StreamBuilder.twr1(readings))
    /// CMF and FLG.
    static let headerSize = 2
    /// Adler-32.
    static let trailerSize = 4

    @Test(arguments: [RecordEncoding.twr1, .ndjson])
    func oneStreamIsRead(encoding: RecordEncoding) {
        let stream = Compressor.zlibStream(StreamBuilder.stream(Self.readings, as: encoding))
        let result = DecodedStream.decode(stream)
        #expect(result.format == .zlib)
        #expect(result.members.map(\.member) == [Member(index: 0, offset: 0, format: .zlib)])
        #expect(result.members.first?.encoding == encoding)
        #expect(result.readings == Self.readings)
        #expect(result.rejections.isEmpty)
        #expect(result.damages.isEmpty)
    }

    @Test(arguments: [0, 1, 5, 9] as [Int32])
    func everyLevelIsRead(level: Int32) {
        let stream = Compressor.zlibStream(StreamBuilder.twr1(Self.readings), level: level)
        let trace = ContainerTrace(stream)
        #expect(trace.format == .zlib)
        #expect(trace.memberData == [StreamBuilder.twr1(Self.readings)])
        #expect(trace.damages.isEmpty)
    }

    @Test func aSecondStreamIsNotReadButCountedAsLost() {
        let second = Compressor.zlibStream(StreamBuilder.ndjson(SampleReadings.oneOfEachKind))
        let result = DecodedStream.decode(Self.stream + second)
        #expect(result.members.count == 1)
        #expect(result.readings == Self.readings)
        #expect(result.damages.count == 1)
        #expect(result.damages.first?.kind == .garbage)
        #expect(result.damages.first?.member == nil)
        #expect(result.damages.first?.offset == Self.stream.count)
        #expect(result.damages.first?.bytesLost == second.count)
    }

    @Test(arguments: [nil, 1, 3, 4096] as [Int?])
    func trailingBytesAreCountedAsLost(chunkSize: Int?) {
        for trailing in [[0x0A], [UInt8](repeating: 0, count: 4096), Fixtures.garbage(333, seed: 501), [0x1F, 0x8B, 0x08, 0x00]] {
            let result = DecodedStream.decode(Self.stream + trailing, chunkSize: chunkSize)
            #expect(result.members.count == 1)
            #expect(result.readings == Self.readings)
            #expect(result.damages.map(\.kind) == [.garbage])
            #expect(result.damages.map(\.offset) == [Self.stream.count])
            #expect(result.damages.map(\.bytesLost) == [trailing.count])
        }
    }

    @Test func damageLosesTheRestOfTheStream() {
        let trailing = Fixtures.garbage(50, seed: 502)
        let total = Self.stream.count + trailing.count
        for position in Self.headerSize..<(Self.stream.count - Self.trailerSize) {
            let bytes = Corruption.flipping(Self.stream, at: position) + trailing
            let result = DecodedStream.decode(bytes)
            #expect(result.format == .zlib)
            #expect(result.members.count == 1)
            expectNoInventedReadings(result.members.first, Self.upload)
            #expect(result.damages.count == 1, "flip at \(position): \(result.damages)")
            guard let damage = result.damages.first else { continue }
            #expect(damage.member == 0)
            #expect(damage.kind == .badData || damage.kind == .checksum || damage.kind == .truncated, "flip at \(position)")
            // Everything from where the damage was found to the end is lost, the
            // trailing bytes included.
            #expect(damage.offset >= position && damage.offset <= total, "flip at \(position): \(damage)")
            #expect(damage.bytesLost >= total - damage.offset, "flip at \(position): \(damage)")
            #expect(damage.bytesLost <= total - Self.headerSize, "flip at \(position): \(damage)")
        }
    }

    @Test(arguments: 0..<4)
    func adlerMismatchIsAChecksumDamageAfterAllTheData(trailerByte: Int) {
        let position = Self.stream.count - Self.trailerSize + trailerByte
        let result = DecodedStream.decode(Corruption.flipping(Self.stream, at: position))
        #expect(result.readings == Self.readings)
        #expect(result.rejections.isEmpty)
        #expect(result.damages.map(\.kind) == [.checksum])
        #expect(result.damages.map(\.member) == [0])
        #expect(result.damages.map(\.offset) == [Self.stream.count])
        #expect(result.damages.map(\.bytesLost) == [Self.trailerSize])
    }

    @Test func flippedHeaderIsNoLongerZlib() {
        // The header checksum no longer holds (or the first byte is not 0x78): plain.
        for position in 0..<Self.headerSize {
            let bytes = Corruption.flipping(Self.stream, at: position)
            let trace = ContainerTrace(bytes)
            #expect(trace.format == .plain)
            #expect(trace.memberData == [bytes])
            #expect(trace.damages.isEmpty)
        }
    }

    @Test func presetDictionaryIsReportedNotFollowed() throws {
        // FDICT set: the FLG with bit 5 that keeps the header checksum, then a DICTID.
        let flg = try #require((0...255).first { flg in
            flg & 0x20 != 0 && (0x78 * 256 + flg) % 31 == 0
        })
        let bytes: [UInt8] = [0x78, UInt8(flg), 0x12, 0x34, 0x56, 0x78] + Array(Self.stream.dropFirst(2))
        let result = DecodedStream.decode(bytes)
        #expect(result.format == .zlib)
        #expect(result.readings.isEmpty)
        #expect(result.damages.map(\.kind) == [.badData])
        #expect(result.damages.map(\.member) == [0])
        #expect(result.damages.allSatisfy { $0.bytesLost > 0 && $0.bytesLost <= bytes.count })
    }
}
