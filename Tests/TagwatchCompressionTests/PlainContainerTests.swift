import TagwatchCompression
import TagwatchCore
import TagwatchTesting
import Testing

/// streams.md §1: anything that is neither gzip nor zlib is read as it is.
@Suite struct PlainContainerTests {
    static let plainMember = Member(index: 0, offset: 0, format: .plain)

    @Test(arguments: [nil, 1, 2, 3, 5, 4096] as [Int?])
    func bytesPassThroughUnchanged(chunkSize: Int?) {
        var random = SplitMix(seed: 600)
        var bytes = Corruption.randomBytes(100_000, using: &random)
        bytes[0] = 0x7B
        let trace = ContainerTrace(bytes, chunkSize: chunkSize)
        #expect(trace.format == .plain)
        #expect(trace.events.first == .started(Self.plainMember))
        #expect(trace.events.last == .ended(Self.plainMember))
        #expect(trace.events.count == 3)
        #expect(trace.memberData == [bytes])
        #expect(trace.damages.isEmpty)
    }

    @Test func gzipMembersInsidePlainBytesAreNotLookedFor() {
        let member = Compressor.gzipMember(StreamBuilder.twr1(SampleReadings.oneOfEachKind))
        let bytes = Array("not a container\n".utf8) + member + member
        let trace = ContainerTrace(bytes, chunkSize: 7)
        #expect(trace.members == [Self.plainMember])
        #expect(trace.memberData == [bytes])
        #expect(trace.damages.isEmpty)
    }

    @Test(arguments: [RecordEncoding.twr1, .ndjson])
    func uncompressedStreamsAreDecoded(encoding: RecordEncoding) {
        let readings = Fixtures.readings(device: "PLAIN-1", count: 200, seed: 601)
        let result = DecodedStream.decode(StreamBuilder.stream(readings, as: encoding), chunkSize: 100)
        #expect(result.format == .plain)
        #expect(result.members.map(\.member) == [Self.plainMember])
        #expect(result.members.first?.encoding == encoding)
        #expect(result.readings == readings)
        #expect(result.rejections.isEmpty)
        #expect(result.damages.isEmpty)
    }

    @Test func firstByteOfZlibWithoutItsChecksumIsPlain() {
        // `x` starts plenty of text; without the header checksum it is not zlib.
        let bytes = Array("xylophone\n".utf8)
        #expect((Int(bytes[0]) * 256 + Int(bytes[1])) % 31 != 0)
        let trace = ContainerTrace(bytes)
        #expect(trace.format == .plain)
        #expect(trace.memberData == [bytes])
    }
}
