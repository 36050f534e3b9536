import TagwatchCompression
import TagwatchCore
import TagwatchTesting
import Testing

/// streams.md §1: a gzip file may hold several members back to back; each is read, and
/// each is a stream of its own with its own record encoding.
@Suite struct MultiMemberGzipTests {
    @Test(arguments: 1...8)
    func everyMemberIsReadAsItsOwnStream(memberCount: Int) {
        let file = MultiMemberFile(Array(repeating: .twr1, count: memberCount), readingsPerMember: 25, seed: UInt64(memberCount))
        let result = DecodedStream.decode(file.bytes)
        #expect(result.format == .gzip)
        #expect(result.damages.isEmpty)
        #expect(result.members.map(\.member) == (0..<memberCount).map {
            Member(index: $0, offset: file.start($0), format: .gzip)
        })
        for index in 0..<memberCount {
            expectWhole(result, file.uploads[index], at: file.start(index))
        }
        #expect(result.readings == file.uploads.flatMap(\.readings))
    }

    @Test func mixedEncodingsAreEachRecognisedFromTheirOwnFirstBytes() {
        let file = MultiMemberFile([.twr1, .ndjson, .twr1], readingsPerMember: 40)
        let result = DecodedStream.decode(file.bytes)
        #expect(result.damages.isEmpty)
        #expect(result.members.map(\.encoding) == [.twr1, .ndjson, .twr1])
        #expect(result.members.map(\.member.offset) == [0, file.uploads[0].member.count, file.uploads[0].member.count + file.uploads[1].member.count])
        for index in 0..<3 {
            expectWhole(result, file.uploads[index], at: file.start(index))
        }
    }

    @Test func oneOfEachKindSurvivesBothEncodingsInOneFile() {
        let readings = SampleReadings.oneOfEachKind
        let uploads = [Upload(readings, as: .ndjson), Upload(readings, as: .twr1)]
        let file = MultiMemberFile(uploads: uploads)
        let result = DecodedStream.decode(file.bytes)
        #expect(result.damages.isEmpty)
        #expect(result.members.map(\.readings) == [readings, readings])
        #expect(result.rejections.isEmpty)
    }

    @Test func anNDJSONMemberWithoutFinalNewlineDoesNotRunIntoTheNext() {
        // Were the members one stream, the last line of the first would be glued to the
        // first line of the second and rejected.
        let first = Fixtures.readings(device: "GW-A", count: 10, seed: 7)
        let second = Fixtures.readings(device: "GW-B", count: 10, seed: 8)
        var firstStream = StreamBuilder.ndjson(first)
        #expect(firstStream.removeLast() == 0x0A)
        let bytes = Compressor.gzipMember(firstStream) + Compressor.gzipMember(StreamBuilder.ndjson(second))
        let result = DecodedStream.decode(bytes)
        #expect(result.damages.isEmpty)
        #expect(result.members.map(\.readings) == [first, second])
        #expect(result.rejections.isEmpty)
    }

    @Test func aBinaryMemberCutMidRecordDoesNotSpoilTheNextMember() {
        // The first member's stream ends inside a record: rejected there, in that member.
        let first = Fixtures.readings(device: "GW-A", count: 10, seed: 9)
        let second = Fixtures.readings(device: "GW-B", count: 10, seed: 10)
        var firstStream = StreamBuilder.twr1(first)
        firstStream.removeLast(5)
        let bytes = Compressor.gzipMember(firstStream) + Compressor.gzipMember(StreamBuilder.twr1(second))
        let result = DecodedStream.decode(bytes)
        #expect(result.damages.isEmpty)
        #expect(result.members.count == 2)
        #expect(result.members[0].readings == Array(first.dropLast()))
        #expect(result.members[0].rejections.map(\.reason) == [.length])
        #expect(result.members[1].readings == second)
        #expect(result.members[1].rejections.isEmpty)
    }

    @Test func anEmptyMemberIsAMemberWithNothingInIt() {
        let before = Upload(Fixtures.readings(device: "GW-A", count: 5, seed: 11), as: .twr1)
        let after = Upload(Fixtures.readings(device: "GW-B", count: 5, seed: 12), as: .ndjson)
        let empty = Compressor.gzipMember([])
        let bytes = before.member + empty + after.member
        let result = DecodedStream.decode(bytes)
        #expect(result.damages.isEmpty)
        #expect(result.members.map(\.member.offset) == [0, before.member.count, before.member.count + empty.count])
        #expect(result.members.map(\.encoding) == [.twr1, nil, .ndjson])
        #expect(result.members.map(\.readings) == [before.readings, [], after.readings])
        #expect(result.rejections.isEmpty)
    }

    @Test func membersOfEveryCompressionLevelReadAlike() {
        let readings = Fixtures.readings(device: "GW-LEVELS", count: 30, seed: 13)
        let uploads = ([0, 1, 4, 6, 9] as [Int32]).map { Upload(readings, as: .twr1, level: $0) }
        let file = MultiMemberFile(uploads: uploads)
        let result = DecodedStream.decode(file.bytes)
        #expect(result.damages.isEmpty)
        for index in uploads.indices {
            expectWhole(result, uploads[index], at: file.start(index))
        }
    }

    @Test func membersLargerThanTheOutputChunkAreWhole() {
        // Well over one 256 KiB output chunk per member, so data reaches the record
        // decoders in several pieces that cut records anywhere.
        let big = Fixtures.readings(device: "GW-BIG", count: 20_000, seed: 14)
        #expect(StreamBuilder.twr1(big).count > 2 * ContainerDecoder.outputChunkSize)
        let uploads = [
            Upload(big, as: .twr1),
            Upload(Fixtures.readings(device: "GW-SMALL", count: 3, seed: 15), as: .ndjson),
            Upload(Array(big.prefix(9_000)), as: .ndjson),
        ]
        let file = MultiMemberFile(uploads: uploads)
        let result = DecodedStream.decode(file.bytes, chunkSize: 64 * 1024)
        #expect(result.damages.isEmpty)
        for index in uploads.indices {
            expectWhole(result, uploads[index], at: file.start(index))
        }
    }

    @Test func decompressedBytesOfEachMemberAreExactlyWhatWasCompressed() {
        let file = MultiMemberFile([.ndjson, .twr1, .ndjson, .twr1], readingsPerMember: 20)
        let trace = ContainerTrace(file.bytes)
        #expect(trace.memberData == file.uploads.map(\.stream))
        // Each member is started and ended, in order, with nothing in between.
        var expected: [ContainerTrace.Event] = []
        for index in 0..<file.count {
            let member = Member(index: index, offset: file.start(index), format: .gzip)
            expected += [.started(member), .data(file.uploads[index].stream), .ended(member)]
        }
        #expect(trace.events == expected)
    }
}
