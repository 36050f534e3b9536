import TagwatchCompression
import TagwatchCore
import TagwatchTesting
import Testing

/// streams.md §1 and §5: bytes between or after gzip members that are no member are
/// skipped, counted exactly and reported; every member around them is read.
@Suite struct GarbageBetweenMembersTests {
    static let file = MultiMemberFile([.twr1, .ndjson, .twr1, .twr1], readingsPerMember: 30, seed: 400)

    /// The file with `garbage[i]` inserted after member `i` (nothing where it is empty),
    /// and where each member now starts.
    static func build(_ garbage: [[UInt8]]) -> (bytes: [UInt8], starts: [Int]) {
        var bytes: [UInt8] = []
        var starts: [Int] = []
        for index in 0..<file.count {
            starts.append(bytes.count)
            bytes += file.uploads[index].member
            bytes += garbage[index]
        }
        return (bytes, starts)
    }

    /// Expects every member read whole at its new place, and exactly one `garbage` damage
    /// per non-empty gap, as long as the gap, where the gap starts.
    static func check(_ garbage: [[UInt8]], chunkSize: Int? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
        let (bytes, starts) = build(garbage)
        let result = DecodedStream.decode(bytes, chunkSize: chunkSize)
        #expect(result.members.map(\.member) == starts.enumerated().map {
            Member(index: $0.offset, offset: $0.element, format: .gzip)
        }, sourceLocation: sourceLocation)
        for index in 0..<file.count {
            expectWhole(result, file.uploads[index], at: starts[index], sourceLocation: sourceLocation)
        }
        let expected = (0..<file.count).filter { !garbage[$0].isEmpty }.map { index in
            (offset: starts[index] + file.uploads[index].member.count, bytesLost: garbage[index].count)
        }
        #expect(result.damages.map(\.kind) == expected.map { _ in .garbage }, sourceLocation: sourceLocation)
        #expect(result.damages.map(\.member) == expected.map { _ in nil }, sourceLocation: sourceLocation)
        #expect(result.damages.map(\.offset) == expected.map(\.offset), sourceLocation: sourceLocation)
        #expect(result.damages.map(\.bytesLost) == expected.map(\.bytesLost), sourceLocation: sourceLocation)
        #expect(result.bytesLost == garbage.reduce(0) { $0 + $1.count }, sourceLocation: sourceLocation)
    }

    @Test(arguments: [nil, 1, 2, 3, 5, 4096] as [Int?])
    func zeroPaddingBetweenAndAfterMembers(chunkSize: Int?) {
        // What a unit that writes whole flash pages leaves behind.
        Self.check([[], [UInt8](repeating: 0, count: 512), [], [UInt8](repeating: 0, count: 1000)], chunkSize: chunkSize)
    }

    @Test(arguments: [nil, 1, 2, 3, 5, 4096] as [Int?])
    func randomBytesBetweenAndAfterMembers(chunkSize: Int?) {
        Self.check([
            Fixtures.garbage(1, seed: 1), Fixtures.garbage(77, seed: 2),
            Fixtures.garbage(5000, seed: 3), Fixtures.garbage(300, seed: 4),
        ], chunkSize: chunkSize)
    }

    @Test(arguments: [nil, 1, 2, 3] as [Int?])
    func partialHeadersAreGarbageToo(chunkSize: Int?) {
        // Starts of a header that never complete, also just before a real one.
        Self.check([
            [0x1F], [0x1F, 0x8B], [0x1F, 0x8B, 0x00, 0x1F, 0x1F, 0x8B, 0x07, 0x8B, 0x08],
            [0x00, 0x1F, 0x8B],
        ], chunkSize: chunkSize)
    }

    @Test func garbageAfterTheLastMemberOnly() {
        Self.check([[], [], [], Array("\r\n".utf8)])
        Self.check([[], [], [], [0x1F]])
        Self.check([[], [], [], [0x1F, 0x8B]])
    }

    @Test func garbageEverywhereWithChunksOfEverySmallSize() {
        let garbage = [[0x00], Fixtures.garbage(13, seed: 9), [0x1F, 0x8B], Fixtures.garbage(2, seed: 10)]
        for chunkSize in 1...16 {
            Self.check(garbage, chunkSize: chunkSize)
        }
    }
}
