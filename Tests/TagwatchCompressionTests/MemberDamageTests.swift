import TagwatchCompression
import TagwatchCore
import TagwatchTesting
import Testing

/// streams.md §1: damage inside one gzip member (bad deflate data, CRC or length
/// mismatch) loses at most the rest of that member; the reader goes on at the next member
/// header and reports what it lost.
@Suite struct MemberDamageTests {
    /// Five uploads of a unit, each a member of its own.
    static let file = MultiMemberFile([.twr1, .twr1, .twr1, .twr1, .twr1], readingsPerMember: 60, seed: 100)
    /// The gzip header Compressor writes: 10 bytes, no optional fields (FLG = 0).
    static let headerSize = 10
    /// CRC-32 and ISIZE.
    static let trailerSize = 8

    /// Decodes the file with the byte at `position` of member `damaged` inverted, and
    /// checks what must hold wherever the damage is: every other member whole, and no
    /// reading of the damaged member that was never encoded.
    @discardableResult
    static func decodeFlipping(member damaged: Int, at position: Int, sourceLocation: SourceLocation = #_sourceLocation) -> DecodedStream {
        let bytes = Corruption.flipping(file.bytes, at: file.start(damaged) + position)
        let result = DecodedStream.decode(bytes)
        #expect(result.format == .gzip, sourceLocation: sourceLocation)
        for index in 0..<file.count where index != damaged {
            expectWhole(result, file.uploads[index], at: file.start(index), sourceLocation: sourceLocation)
        }
        expectNoInventedReadings(result.member(at: file.start(damaged)), file.uploads[damaged], sourceLocation: sourceLocation)
        for damage in result.damages {
            #expect((0..<bytes.count).contains(damage.offset), "\(damage)", sourceLocation: sourceLocation)
        }
        return result
    }

    @Test func fixtureHasPlainHeadersAndOneTWR1StreamPerMember() throws {
        for upload in Self.file.uploads {
            try #require(Array(upload.member.prefix(4)) == [0x1F, 0x8B, 0x08, 0x00])
            try #require(upload.member.count > Self.headerSize + Self.trailerSize + 100)
        }
    }

    @Test func everyByteOfTheDeflateDataOfMemberTwo() {
        let size = Self.file.uploads[1].member.count
        for position in Self.headerSize..<(size - Self.trailerSize) {
            let result = Self.decodeFlipping(member: 1, at: position)
            // Five members and one damage, for the second.
            #expect(result.members.map(\.member.offset) == (0..<5).map(Self.file.start), "flip at \(position)")
            #expect(result.members.map(\.member.index) == Array(0..<5), "flip at \(position)")
            #expect(result.damages.count == 1, "flip at \(position): \(result.damages)")
            guard let damage = result.damages.first else { continue }
            #expect(damage.member == 1, "flip at \(position)")
            #expect(damage.kind == .badData || damage.kind == .checksum, "flip at \(position): \(damage)")
            // At least the trailer was skipped; nothing of another member was.
            #expect(damage.bytesLost > 0, "flip at \(position)")
            #expect(damage.bytesLost <= size, "flip at \(position)")
            #expect(damage.offset >= Self.file.start(1) + position, "flip at \(position): \(damage)")
        }
    }

    @Test(arguments: 0..<5)
    func flipInTheMiddleOfAnyMember(damaged: Int) {
        let size = Self.file.uploads[damaged].member.count
        let result = Self.decodeFlipping(member: damaged, at: size / 2)
        #expect(result.members.count == 5)
        #expect(result.damages.count == 1)
        #expect(result.damages.first?.member == damaged)
        #expect(result.damages.first.map { $0.kind == .badData || $0.kind == .checksum } == true)
        #expect(result.damages.first.map { $0.bytesLost > 0 } == true)
    }

    @Test(arguments: 0..<8)
    func flipInTheTrailerIsAChecksumDamageCostingTheTrailer(trailerByte: Int) {
        let size = Self.file.uploads[1].member.count
        let result = Self.decodeFlipping(member: 1, at: size - Self.trailerSize + trailerByte)
        // The data itself was whole: its readings are all there.
        expectWhole(result, Self.file.uploads[1], at: Self.file.start(1))
        #expect(result.damages.count == 1)
        guard let damage = result.damages.first else { return }
        #expect(damage.kind == .checksum)
        #expect(damage.member == 1)
        // Lost: from the end of the last deflate block, which is where the trailer
        // starts, to the next member.
        #expect(damage.bytesLost == Self.trailerSize)
        #expect(damage.offset > Self.file.end(1) - Self.trailerSize)
        #expect(damage.offset <= Self.file.end(1))
    }

    @Test(arguments: 0..<3)
    func flipInTheMagicMakesTheMemberGarbage(headerByte: Int) {
        // Without its `1f 8b 08` the member cannot be told from garbage between members.
        let result = Self.decodeFlipping(member: 1, at: headerByte)
        let kept = [0, 2, 3, 4]
        #expect(result.members.map(\.member.offset) == kept.map(Self.file.start))
        #expect(result.members.map(\.member.index) == Array(0..<4))
        #expect(result.damages.count == 1)
        guard let damage = result.damages.first else { return }
        #expect(damage.kind == .garbage)
        #expect(damage.member == nil)
        #expect(damage.offset == Self.file.start(1))
        #expect(damage.bytesLost == Self.file.uploads[1].member.count)
    }

    @Test func flipInTheFlagsIsBadDataCostingTheWholeMember() {
        // FLG 0x00 becomes 0xFF: reserved flag bits set.
        let result = Self.decodeFlipping(member: 1, at: 3)
        #expect(result.members.map(\.member.offset) == (0..<5).map(Self.file.start))
        #expect(result.members[1].readings.isEmpty)
        #expect(result.damages.count == 1)
        guard let damage = result.damages.first else { return }
        #expect(damage.kind == .badData)
        #expect(damage.member == 1)
        #expect(damage.bytesLost == Self.file.uploads[1].member.count)
        #expect(Self.file.range(1).contains(damage.offset))
    }

    @Test(arguments: 4..<10)
    func flipInFieldsNothingChecksIsNoDamage(headerByte: Int) {
        // MTIME, XFL and OS carry no data and no check.
        let result = Self.decodeFlipping(member: 1, at: headerByte)
        expectWhole(result, Self.file.uploads[1], at: Self.file.start(1))
        #expect(result.damages.isEmpty)
    }

    @Test func damageInEveryMemberAtOnce() {
        // One flip in the middle of each member: each member's loss is its own.
        var bytes = Self.file.bytes
        for index in 0..<Self.file.count {
            bytes = Corruption.flipping(bytes, at: Self.file.start(index) + Self.file.uploads[index].member.count / 2)
        }
        let result = DecodedStream.decode(bytes)
        #expect(result.members.map(\.member.offset) == (0..<5).map(Self.file.start))
        #expect(result.damages.map(\.member) == [0, 1, 2, 3, 4])
        #expect(result.damages.allSatisfy { $0.kind == .badData || $0.kind == .checksum })
        #expect(result.damages.allSatisfy { $0.bytesLost > 0 })
        for index in 0..<Self.file.count {
            expectNoInventedReadings(result.member(at: Self.file.start(index)), Self.file.uploads[index])
        }
    }

    @Test func eventsComeInOrderWithTheDamageAfterItsMember() {
        let file = MultiMemberFile([.ndjson, .ndjson, .ndjson], readingsPerMember: 10, seed: 101)
        let size = file.uploads[1].member.count
        // Damage in the CRC: the member's data all comes out, then its end, then its damage.
        let bytes = Corruption.flipping(file.bytes, at: file.end(1) - 8)
        let trace = ContainerTrace(bytes)
        let members = (0..<3).map { Member(index: $0, offset: file.start($0), format: .gzip) }
        #expect(trace.events.count == 10)
        guard trace.events.count == 10 else { return }
        #expect(Array(trace.events[0..<6]) == [
            .started(members[0]), .data(file.uploads[0].stream), .ended(members[0]),
            .started(members[1]), .data(file.uploads[1].stream), .ended(members[1]),
        ])
        guard case .damaged(let damage) = trace.events[6] else {
            Issue.record("expected the damage after member 2 ends, found \(trace.events[6])")
            return
        }
        #expect(damage.member == 1)
        #expect(damage.kind == .checksum)
        #expect(damage.bytesLost == 8)
        #expect(damage.offset > file.start(1) + size - 8)
        #expect(Array(trace.events[7...]) == [.started(members[2]), .data(file.uploads[2].stream), .ended(members[2])])
    }

    @Test func aFakeMemberHeaderBetweenMembersCostsExactlyItsBytes() {
        // `1f 8b 08` followed by reserved flags: a member that fails at once.
        let fake: [UInt8] = [0x1F, 0x8B, 0x08, 0xFF] + Fixtures.garbage(40, seed: 5)
        let insertAt = Self.file.end(1)
        let bytes = Corruption.inserting(fake, into: Self.file.bytes, at: insertAt)
        let result = DecodedStream.decode(bytes)
        #expect(result.members.map(\.member.offset) == [0, Self.file.start(1), insertAt] + (2..<5).map { Self.file.start($0) + fake.count })
        expectWhole(result, Self.file.uploads[1], at: Self.file.start(1))
        expectWhole(result, Self.file.uploads[2], at: Self.file.start(2) + fake.count)
        #expect(result.damages.count == 1)
        guard let damage = result.damages.first else { return }
        #expect(damage.kind == .badData)
        #expect(damage.member == 2)
        #expect(damage.bytesLost == fake.count)
    }
}
