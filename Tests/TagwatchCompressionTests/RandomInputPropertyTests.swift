import PropertyBased
import TagwatchCompression
import TagwatchCore
import TagwatchTesting
import Testing

/// Whatever the bytes, the container layer never crashes, and what it reports stays
/// within the input.
@Suite struct RandomInputPropertyTests {
    static let randomBytes = Gen.uint8().array(of: 0...8192)
    static let gzipMagic: [UInt8] = [0x1F, 0x8B, 0x08]
    static let zlibHeader: [UInt8] = [0x78, 0x9C]

    /// What holds for any input.
    static func checkInvariants(_ input: [UInt8], _ result: DecodedStream, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.format == (input.isEmpty ? nil : ContainerFormat.recognise(input)), sourceLocation: sourceLocation)
        for damage in result.damages {
            #expect((0...input.count).contains(damage.offset), "\(damage)", sourceLocation: sourceLocation)
            #expect(damage.bytesLost >= 0, "\(damage)", sourceLocation: sourceLocation)
            if let member = damage.member {
                #expect((0..<result.members.count).contains(member), "\(damage)", sourceLocation: sourceLocation)
            }
        }
        // Lost ranges never overlap: together they fit in the input.
        #expect(result.bytesLost <= input.count, sourceLocation: sourceLocation)
        let members = result.members.map(\.member)
        #expect(members.map(\.index) == Array(members.indices), sourceLocation: sourceLocation)
        #expect(members.allSatisfy { $0.offset >= 0 && $0.offset < input.count && $0.format == result.format }, sourceLocation: sourceLocation)
        #expect(zip(members, members.dropFirst()).allSatisfy { $0.offset < $1.offset }, sourceLocation: sourceLocation)
        if result.format == .zlib || result.format == .plain {
            #expect(members.count == 1, sourceLocation: sourceLocation)
        }
        if result.format == .plain {
            #expect(result.damages.isEmpty, sourceLocation: sourceLocation)
        }
    }

    @Test func randomBytes() async {
        await propertyCheck(count: 300, input: Self.randomBytes) { input in
            Self.checkInvariants(input, DecodedStream.decode(input))
        }
    }

    @Test func randomBytesAfterTheGzipMagic() async {
        await propertyCheck(count: 300, input: Self.randomBytes) { tail in
            let input = Self.gzipMagic + tail
            let result = DecodedStream.decode(input)
            Self.checkInvariants(input, result)
            #expect(result.format == .gzip)
            #expect(result.members.first?.member.offset == 0)
            // Random bytes are no valid member: something is reported.
            #expect(!result.damages.isEmpty)
        }
    }

    @Test func randomBytesAfterAZlibHeader() async {
        await propertyCheck(count: 300, input: Self.randomBytes) { tail in
            let input = Self.zlibHeader + tail
            let result = DecodedStream.decode(input)
            Self.checkInvariants(input, result)
            #expect(result.format == .zlib)
            #expect(result.damages.count >= 1)
            #expect(result.damages.contains { $0.member == 0 })
        }
    }

    @Test func chunkingNeverChangesTheResult() async {
        let prefixes: [[UInt8]] = [[], Self.gzipMagic, Self.zlibHeader]
        await propertyCheck(count: 200, input: Self.randomBytes, Gen.int(in: 0...2), Gen.int(in: 1...64)) { tail, prefix, chunkSize in
            let input = prefixes[prefix] + tail
            expectSameResult(DecodedStream.decode(input, chunkSize: chunkSize), DecodedStream.decode(input), "chunks of \(chunkSize)")
        }
    }

    @Test func oneChangedByteCostsAtMostItsOwnMember() async {
        let file = MultiMemberFile([.twr1, .twr1, .ndjson, .twr1, .twr1], readingsPerMember: 40, seed: 900)
        let original = file.bytes
        await propertyCheck(count: 300, input: Gen.int(in: 0..<original.count), Gen.uint8(in: 1...255)) { position, mask in
            var bytes = original
            bytes[position] ^= mask
            let result = DecodedStream.decode(bytes)
            Self.checkInvariants(bytes, result)
            guard position >= 3 else {
                // The file's own first bytes no longer say gzip: by content, it is plain.
                #expect(result.format == .plain)
                return
            }
            let damaged = file.member(holding: position)!
            for index in 0..<file.count where index != damaged {
                expectWhole(result, file.uploads[index], at: file.start(index))
            }
            if file.uploads[damaged].encoding == .twr1 {
                expectNoInventedReadings(result.member(at: file.start(damaged)), file.uploads[damaged])
            }
        }
    }

    @Test func randomGarbageBetweenMembersIsCountedExactly() async {
        let file = MultiMemberFile([.twr1, .ndjson, .twr1], readingsPerMember: 10, seed: 901)
        // Garbage with no `1f`, so it can hold no member header, even across its end.
        let garbage = Gen.uint8(in: 0x20...0xFF).array(of: 0...2000)
        await propertyCheck(count: 100, input: garbage, garbage) { first, second in
            let bytes = file.uploads[0].member + first + file.uploads[1].member + file.uploads[2].member + second
            let result = DecodedStream.decode(bytes)
            expectWhole(result, file.uploads[0], at: 0)
            expectWhole(result, file.uploads[1], at: file.end(0) + first.count)
            expectWhole(result, file.uploads[2], at: file.end(1) + first.count)
            #expect(result.damages.allSatisfy { $0.kind == .garbage && $0.member == nil })
            #expect(result.damages.map(\.bytesLost) == [first.count, second.count].filter { $0 > 0 })
        }
    }
}
