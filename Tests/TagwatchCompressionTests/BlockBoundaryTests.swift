import TagwatchCompression
import TagwatchCore
import TagwatchTesting
import Testing

/// The cost of damage is counted from the end of the member's last whole deflate block.
/// A block may end just after bytes that begin a member header (`1f`, `1f 8b`); that
/// boundary is still the member's own once the next bytes show no header follows.
@Suite struct BlockBoundaryTests {
    /// A gzip member of stored blocks holding `blocks`, with its CRC and size.
    static func storedMember(_ blocks: [[UInt8]]) -> (member: [UInt8], data: [UInt8]) {
        var writer = DeflateWriter()
        for (index, block) in blocks.enumerated() {
            writer.storedBlock(block, isFinal: index == blocks.count - 1)
        }
        let data = blocks.flatMap { $0 }
        let crc = data.withUnsafeBytes { TWR1Format.crc32($0) }
        return (GzipFraming.header + writer.bytes + GzipFraming.trailer(crc: crc, size: data.count), data)
    }

    /// Blocks ending in the first byte, or the first two, of a member header.
    static let blocks: [[UInt8]] = [
        Array("abc".utf8) + [0x1F], Array("def".utf8) + [0x1F, 0x8B], Array("ghi".utf8) + [0x1F],
    ]
    static let next = Upload(Fixtures.readings(device: "NEXT-1", count: 10, seed: 1000), as: .twr1)

    @Test(arguments: [nil, 1, 2, 3, 5] as [Int?])
    func storedBlocksEndingInHeaderStartsDecode(chunkSize: Int?) {
        let (member, data) = Self.storedMember(Self.blocks)
        let trace = ContainerTrace(member + Self.next.member, chunkSize: chunkSize)
        #expect(trace.damages.isEmpty)
        #expect(trace.memberData == [data, Self.next.stream])
    }

    @Test(arguments: [nil, 1, 2, 3, 5] as [Int?])
    func damageAfterSuchBoundariesCostsOnlyTheTrailer(chunkSize: Int?) throws {
        let (member, data) = Self.storedMember(Self.blocks)
        for position in [member.count - 8, member.count - 5, member.count - 1] {
            let damaged = Corruption.flipping(member, at: position)
            // The trailer must not itself begin a header for this test to mean anything.
            try #require(Array(damaged[(member.count - 8)...].prefix(2)) != [0x8B, 0x08])
            let trace = ContainerTrace(damaged + Self.next.member, chunkSize: chunkSize)
            #expect(trace.memberData == [data, Self.next.stream], "flip at \(position)")
            #expect(trace.damages.map(\.kind) == [.checksum], "flip at \(position)")
            #expect(trace.damages.map(\.member) == [0], "flip at \(position)")
            #expect(trace.damages.map(\.bytesLost) == [8], "flip at \(position)")
        }
    }

    @Test(arguments: [nil, 1, 2, 3, 5] as [Int?])
    func flippedStoredDataIsAChecksumDamageCostingTheTrailer(chunkSize: Int?) {
        let (member, data) = Self.storedMember(Self.blocks)
        // The `h` of the last block: the blocks still parse, the CRC does not match.
        let position = member.count - 8 - 3
        #expect(member[position] == UInt8(ascii: "h"))
        let trace = ContainerTrace(Corruption.flipping(member, at: position) + Self.next.member, chunkSize: chunkSize)
        var changed = data
        changed[data.count - 3] ^= 0xFF
        #expect(trace.memberData == [changed, Self.next.stream])
        #expect(trace.damages.map(\.kind) == [.checksum])
        #expect(trace.damages.map(\.bytesLost) == [8])
    }

    @Test(arguments: [nil, 1, 2, 3] as [Int?])
    func aMemberCutInItsTrailerRightAfterABlockEndingInAHeaderStart(chunkSize: Int?) {
        // The last block ends in `1f`; the next bytes are the next member's header, which
        // begins right at the boundary: the boundary is still the cut member's.
        let (member, data) = Self.storedMember(Self.blocks)
        for kept in 0..<8 {
            let cut = member.count - 8 + kept
            let bytes = Array(member.prefix(cut)) + Self.next.member
            let trace = ContainerTrace(bytes, chunkSize: chunkSize)
            #expect(trace.memberData == [data, Self.next.stream], "\(kept) trailer bytes kept")
            #expect(trace.members.map(\.offset) == [0, cut], "\(kept) trailer bytes kept")
            #expect(trace.damages.map(\.member) == [0], "\(kept) trailer bytes kept")
            #expect(trace.damages.map(\.kind) == [.checksum], "\(kept) trailer bytes kept")
            #expect(trace.damages.map(\.bytesLost) == [kept], "\(kept) trailer bytes kept")
        }
    }

    @Test(arguments: [nil, 1, 2, 3] as [Int?])
    func aCutMemberWhoseHeaderIsCompletedByTheNextOneCostsOnlyItsOwnBytes(chunkSize: Int?) {
        // The cut member's header takes the next member's first bytes for its own, and
        // the header ends (a boundary) inside the next header: that boundary is not the
        // cut member's.
        for cut in 3..<GzipFraming.header.count {
            let bytes = Array(Self.next.member.prefix(cut)) + Self.next.member
            let result = DecodedStream.decode(bytes, chunkSize: chunkSize)
            expectWhole(result, Self.next, at: cut)
            #expect(result.members.count == 2, "cut at \(cut)")
            #expect(result.damages.map(\.member) == [0], "cut at \(cut)")
            #expect(result.damages.map(\.bytesLost) == [cut], "cut at \(cut)")
        }
    }
}
