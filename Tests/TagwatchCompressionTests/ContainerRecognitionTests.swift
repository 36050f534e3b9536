import TagwatchCompression
import TagwatchCore
import TagwatchTesting
import Testing

/// streams.md §1: the container is recognised by content: gzip by `1f 8b 08`, zlib by
/// `0x78` and the header checksum, anything else is plain.
@Suite struct ContainerRecognitionTests {
    /// The rule of the table in streams.md §1, written out for the expectations.
    static func expectedFormat(_ bytes: [UInt8]) -> ContainerFormat {
        if bytes.count >= 3, bytes[0] == 0x1F, bytes[1] == 0x8B, bytes[2] == 0x08 { return .gzip }
        if bytes.count >= 2, bytes[0] == 0x78, (Int(bytes[0]) * 256 + Int(bytes[1])) % 31 == 0 { return .zlib }
        return .plain
    }

    @Test func gzipNeedsAllThreeMagicBytes() {
        #expect(ContainerFormat.recognise([0x1F, 0x8B, 0x08]) == .gzip)
        #expect(ContainerFormat.recognise([0x1F, 0x8B, 0x08, 0x00, 0xFF]) == .gzip)
        // Compression method other than deflate, or a wrong magic byte: not gzip.
        #expect(ContainerFormat.recognise([0x1F, 0x8B, 0x07]) == .plain)
        #expect(ContainerFormat.recognise([0x1F, 0x8B, 0x09]) == .plain)
        #expect(ContainerFormat.recognise([0x1F, 0x8C, 0x08]) == .plain)
        #expect(ContainerFormat.recognise([0x1E, 0x8B, 0x08]) == .plain)
    }

    @Test func everyFirstTwoBytesFollowTheRule() {
        for b0 in 0...255 {
            for b1 in 0...255 {
                let bytes: [UInt8] = [UInt8(b0), UInt8(b1), 0x08]
                #expect(ContainerFormat.recognise(bytes) == Self.expectedFormat(bytes), "\(bytes)")
            }
        }
    }

    @Test func zlibHeadersOfEveryLevelAreZlib() {
        // The headers zlib writes for levels 1, 2...5, 6 and 7...9.
        for second: UInt8 in [0x01, 0x5E, 0x9C, 0xDA] {
            #expect(ContainerFormat.recognise([0x78, second]) == .zlib)
            #expect(ContainerFormat.recognise([0x78, second, 0x00]) == .zlib)
        }
        // 0x78 with a failing checksum, and a valid checksum without 0x78 (0x081D = 31 * 67).
        #expect(ContainerFormat.recognise([0x78, 0x9D, 0x00]) == .plain)
        #expect(ContainerFormat.recognise([0x08, 0x1D, 0x00]) == .plain)
        for level: Int32 in [0, 1, 5, 6, 9] {
            let stream = Compressor.zlibStream(Array("{}".utf8), level: level)
            #expect(ContainerFormat.recognise(stream) == .zlib, "level \(level)")
        }
    }

    @Test func shortPrefixesAreJudgedOnWhatThereIs() {
        #expect(ContainerFormat.recognise([UInt8]()) == .plain)
        #expect(ContainerFormat.recognise([0x1F]) == .plain)
        #expect(ContainerFormat.recognise([0x1F, 0x8B]) == .plain)
        #expect(ContainerFormat.recognise([0x78]) == .plain)
        #expect(ContainerFormat.recognise([0x78, 0x9C]) == .zlib)
        #expect(ContainerFormat.recognise([0x78, 0x9D]) == .plain)
    }

    @Test func onlyTheFirstBytesCount() {
        // A gzip header later in the input does not make it gzip.
        let member = Compressor.gzipMember(Array("{}\n".utf8))
        #expect(ContainerFormat.recognise([0x20] + member) == .plain)
        #expect(ContainerFormat.recognise(member + [0x20]) == .gzip)
    }

    @Test func emptyInputHasNoMembersAndNoDamage() {
        let result = DecodedStream.decode([])
        #expect(result.format == nil)
        #expect(result.members.isEmpty)
        #expect(result.damages.isEmpty)
        let trace = ContainerTrace([])
        #expect(trace.events.isEmpty)
        #expect(trace.format == nil)
    }

    @Test func decoderReportsTheContainerOfItsInput() {
        let readings = SampleReadings.oneOfEachKind
        let stream = StreamBuilder.twr1(readings)
        let cases: [([UInt8], ContainerFormat)] = [
            (Compressor.gzipMember(stream), .gzip),
            (Compressor.zlibStream(stream), .zlib),
            (stream, .plain),
            (StreamBuilder.ndjson(readings), .plain),
        ]
        for (bytes, format) in cases {
            let result = DecodedStream.decode(bytes)
            #expect(result.format == format)
            #expect(result.members.map(\.member) == [Member(index: 0, offset: 0, format: format)])
            #expect(result.readings == readings, "\(format)")
            #expect(result.damages.isEmpty, "\(format)")
        }
    }

    @Test func oneLeadingByteBeforeAGzipMemberMakesItPlain() {
        // Detection is by content: a member that does not start the input is not seen.
        let member = Compressor.gzipMember(StreamBuilder.ndjson(SampleReadings.oneOfEachKind))
        let trace = ContainerTrace([0x0A] + member)
        #expect(trace.format == .plain)
        #expect(trace.members == [Member(index: 0, offset: 0, format: .plain)])
        #expect(trace.memberData == [[0x0A] + member])
        #expect(trace.damages.isEmpty)
    }

    @Test(arguments: [
        [UInt8](), [0x1F], [0x1F, 0x8B], [0x78], [0x41], [0x41, 0x42], [0x0A, 0x0A],
    ])
    func inputsTooShortForZlibArePlainAndPassedThrough(bytes: [UInt8]) {
        let trace = ContainerTrace(bytes)
        if bytes.isEmpty {
            #expect(trace.events.isEmpty)
            return
        }
        #expect(trace.format == .plain)
        #expect(trace.events == [
            .started(Member(index: 0, offset: 0, format: .plain)),
            .data(bytes),
            .ended(Member(index: 0, offset: 0, format: .plain)),
        ])
    }

    @Test func twoByteZlibHeaderIsATruncatedZlibStream() {
        for chunkSize in [1, 2] {
            let trace = ContainerTrace([0x78, 0x9C], chunkSize: chunkSize)
            #expect(trace.format == .zlib)
            #expect(trace.members == [Member(index: 0, offset: 0, format: .zlib)])
            #expect(trace.memberData == [[]])
            #expect(trace.damages.map(\.kind) == [.truncated])
            #expect(trace.damages.map(\.member) == [0])
            #expect(trace.damages.map(\.offset) == [2])
        }
    }

    @Test func threeByteGzipMagicIsATruncatedMember() {
        let trace = ContainerTrace([0x1F, 0x8B, 0x08])
        #expect(trace.format == .gzip)
        #expect(trace.members == [Member(index: 0, offset: 0, format: .gzip)])
        #expect(trace.damages.map(\.kind) == [.truncated])
        #expect(trace.damages.map(\.member) == [0])
        // Nothing of the member was decoded: all three bytes are lost.
        #expect(trace.damages.map(\.bytesLost) == [3])
    }

    @Test func membersSeenCountsStartedMembers() {
        let file = MultiMemberFile([.twr1, .ndjson, .twr1], readingsPerMember: 5)
        let decoder = ContainerDecoder()
        #expect(decoder.membersSeen == 0)
        #expect(decoder.format == nil)
        file.bytes.withUnsafeBytes { decoder.feed($0) { _ in } }
        decoder.finish { _ in }
        #expect(decoder.membersSeen == 3)
        #expect(decoder.format == .gzip)
    }
}
