import TagwatchCompression
import TagwatchCore
import TagwatchTesting
import Testing

/// The decoder keeps the compressed bytes since a member's last whole deflate block so
/// that it can search them for the next member after damage, but at most 8 MiB: past
/// that it searches from where the damage was found. Either way the next member is read
/// and the cost is counted from the end of the last whole block.
@Suite struct LargeBlockDamageTests {
    /// A member whose only block holds `literals` literal zeros (8 bits each) and then a
    /// code deflate forbids.
    static func damagedMember(literals: Int) -> [UInt8] {
        var writer = DeflateWriter()
        writer.beginFixedBlock(isFinal: true)
        for _ in 0..<literals { writer.literal(0) }
        writer.invalidCode()
        writer.flush()
        return GzipFraming.header + writer.bytes + [UInt8](repeating: 0, count: 8)
    }

    static let next = MultiMemberFile([.twr1, .ndjson], readingsPerMember: 20, seed: 800)

    @Test(arguments: [1_000, 9 << 20])
    func damageAtTheEndOfAHugeBlock(literals: Int) {
        let damaged = Self.damagedMember(literals: literals)
        let bytes = damaged + Self.next.bytes
        let result = DecodedStream.decode(bytes, chunkSize: 64 * 1024)
        expectSameResult(DecodedStream.decode(bytes), result, "whole input")
        #expect(result.members.map(\.member.offset) == [0, damaged.count, damaged.count + Self.next.end(0)])
        expectWhole(result, Self.next.uploads[0], at: damaged.count)
        expectWhole(result, Self.next.uploads[1], at: damaged.count + Self.next.end(0))
        #expect(result.damages.count == 1)
        guard let damage = result.damages.first else { return }
        #expect(damage.kind == .badData)
        #expect(damage.member == 0)
        // Found where the forbidden code is, in the last bytes of the block.
        #expect(damage.offset > damaged.count - 8 - 3)
        #expect(damage.offset <= damaged.count - 8)
        // The block never ended: all of the member after its header is lost.
        #expect(damage.bytesLost == damaged.count - GzipFraming.header.count)
    }
}
