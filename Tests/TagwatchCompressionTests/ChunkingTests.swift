import TagwatchCompression
import TagwatchCore
import TagwatchTesting
import Testing

/// Where the input is cut into chunks never changes what is read: readings, rejections,
/// damages with their offsets and costs.
@Suite struct ChunkingTests {
    static let chunkSizes = [1, 2, 3, 5, 4096]

    /// Inputs of every container, whole and damaged, with a name for messages.
    static var inputs: [(name: String, bytes: [UInt8])] {
        let file = MultiMemberFile([.twr1, .ndjson, .twr1, .ndjson, .twr1], readingsPerMember: 40, seed: 700)
        let bytes = file.bytes
        var damaged = Corruption.flipping(bytes, at: file.start(1) + file.uploads[1].member.count / 2)
        damaged = Corruption.flipping(damaged, at: file.end(3) - 6)
        damaged = Corruption.inserting(Fixtures.garbage(100, seed: 701), into: damaged, at: file.start(3))
        damaged += [UInt8](repeating: 0, count: 99)
        let halfMember = Array(bytes[..<(file.start(2) + 300)]) + Array(bytes[file.end(2)...])
        let twr1 = StreamBuilder.twr1(Fixtures.readings(device: "CHUNK-Z", count: 100, seed: 702))
        let zlib = Compressor.zlibStream(twr1)
        // A binary stream with damaged records, uncompressed and in a member.
        var damagedStream = twr1
        for position in stride(from: 40, to: damagedStream.count, by: 401) { damagedStream[position] ^= 0x5A }
        let big = StreamBuilder.twr1(Fixtures.readings(device: "CHUNK-BIG", count: 9_000, seed: 703))
        return [
            ("clean multi-member gzip", bytes),
            ("damaged members and garbage", damaged),
            ("member cut in half, then more members", halfMember),
            ("truncated gzip", Array(bytes.prefix(bytes.count - 777))),
            ("gzip cut in a trailer", Array(bytes.prefix(file.end(0) - 3))),
            ("zlib with trailing bytes", zlib + Fixtures.garbage(20, seed: 704)),
            ("damaged zlib", Corruption.flipping(zlib, at: zlib.count / 3)),
            ("truncated zlib", Array(zlib.prefix(zlib.count / 2))),
            ("plain TWR1 with damaged records", damagedStream),
            ("gzip member of damaged records", Compressor.gzipMember(damagedStream)),
            ("plain NDJSON", StreamBuilder.ndjson(SampleReadings.oneOfEachKind)),
            ("member over the output chunk", Compressor.gzipMember(big) + Compressor.gzipMember(twr1)),
        ]
    }

    @Test func everyChunkSizeGivesTheSameResult() {
        for input in Self.inputs {
            let whole = DecodedStream.decode(input.bytes)
            for chunkSize in Self.chunkSizes {
                expectSameResult(DecodedStream.decode(input.bytes, chunkSize: chunkSize), whole, "\(input.name), chunks of \(chunkSize)")
            }
            expectSameResult(DecodedStream.decode(input.bytes, chunkSizes: [1, 7, 64, 3, 1000, 2]), whole, "\(input.name), mixed chunks")
        }
    }

    @Test func inputsReallyExerciseDamage() {
        // Guard against the inputs above silently becoming clean.
        let results = Self.inputs.map { DecodedStream.decode($0.bytes) }
        #expect(results[0].damages.isEmpty)
        #expect(Set(results[1].damages.map(\.kind)).isSuperset(of: [.garbage]))
        #expect(results[1].damages.count >= 4)
        #expect(results[2].damages.count == 1)
        #expect(results[3].damages.map(\.kind) == [.truncated])
        #expect(results[4].damages.map(\.kind) == [.truncated])
        #expect(results[5].damages.map(\.kind) == [.garbage])
        #expect(results[6].damages.count == 1)
        #expect(results[7].damages.map(\.kind) == [.truncated])
        #expect(!results[8].rejections.isEmpty)
        #expect(!results[9].rejections.isEmpty)
        #expect(results[11].members.count == 2)
    }
}
