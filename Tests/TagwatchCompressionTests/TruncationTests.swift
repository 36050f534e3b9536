import TagwatchCompression
import TagwatchCore
import TagwatchTesting
import Testing

/// streams.md §1: a member cut off, by the end of the input or by the next upload, loses
/// at most the rest of that member and is reported.
@Suite struct TruncationTests {
    static let trailerSize = 8

    // MARK: A failed upload, then the next upload

    static let uploads = MultiMemberFile([.twr1, .twr1, .ndjson, .twr1], readingsPerMember: 60, seed: 200)

    /// `file` with member 1 cut to its first `cut` bytes, the other members whole.
    static func withMemberOneCut(to cut: Int, of file: MultiMemberFile = uploads) -> (bytes: [UInt8], nextStart: Int) {
        let bytes = Array(file.bytes[..<(file.start(1) + cut)]) + Array(file.bytes[file.end(1)...])
        return (bytes, file.start(1) + cut)
    }

    @Test func halfAMemberThenTheNextUpload() throws {
        let file = Self.uploads
        let cut = file.uploads[1].member.count / 2
        let (bytes, nextStart) = Self.withMemberOneCut(to: cut)
        let result = DecodedStream.decode(bytes)
        expectWhole(result, file.uploads[0], at: 0)
        for index in 2..<file.count {
            expectWhole(result, file.uploads[index], at: nextStart + file.start(index) - file.start(2))
        }
        #expect(result.members.count == file.count)
        expectNoInventedReadings(result.member(at: file.start(1)), file.uploads[1])
        let damage = try #require(result.damages.first)
        #expect(result.damages.count == 1)
        #expect(damage.member == 1)
        #expect(damage.kind != .garbage)
        #expect(damage.bytesLost > 0)
        #expect(damage.bytesLost <= cut)
    }

    /// With this zlib, seed 31337 gives member 1 deflate data that ends in `1f`, the first
    /// byte of a header: the block boundary before its trailer waits on the next bytes.
    @Test(arguments: [200, 31337] as [UInt64])
    func everyCutOfAMemberFollowedByTheNextUpload(seed: UInt64) {
        let file = MultiMemberFile([.twr1, .twr1, .ndjson, .twr1], readingsPerMember: 60, seed: seed)
        let size = file.uploads[1].member.count
        for cut in 0..<size {
            let (bytes, nextStart) = Self.withMemberOneCut(to: cut, of: file)
            let result = DecodedStream.decode(bytes)
            expectWhole(result, file.uploads[0], at: 0)
            for index in 2..<file.count {
                expectWhole(result, file.uploads[index], at: nextStart + file.start(index) - file.start(2))
            }
            switch cut {
            case 0:
                #expect(result.damages.isEmpty)
            case 1, 2:
                // `1f` or `1f 8b` cannot be told from garbage.
                #expect(result.damages.map(\.kind) == [.garbage], "cut at \(cut)")
                #expect(result.damages.map(\.offset) == [file.start(1)], "cut at \(cut)")
                #expect(result.damages.map(\.bytesLost) == [cut], "cut at \(cut)")
                #expect(result.damages.map(\.member) == [nil], "cut at \(cut)")
            default:
                #expect(result.members.count == file.count, "cut at \(cut)")
                expectNoInventedReadings(result.member(at: file.start(1)), file.uploads[1])
                #expect(result.damages.count == 1, "cut at \(cut): \(result.damages)")
                guard let damage = result.damages.first else { continue }
                #expect(damage.member == 1, "cut at \(cut)")
                #expect(damage.kind != .garbage, "cut at \(cut)")
                #expect(damage.bytesLost <= cut, "cut at \(cut): \(damage)")
                if cut >= size - Self.trailerSize {
                    // All the deflate data is there: so are all the readings; lost is
                    // what there is of the trailer.
                    #expect(result.member(at: file.start(1))?.readings == file.uploads[1].readings, "cut at \(cut)")
                    #expect(damage.kind == .checksum, "cut at \(cut)")
                    #expect(damage.bytesLost == cut - (size - Self.trailerSize), "cut at \(cut)")
                }
            }
        }
    }

    // MARK: The input ends

    static let file = MultiMemberFile([.twr1, .ndjson, .twr1, .ndjson, .twr1], readingsPerMember: 50, seed: 300)

    /// Every 97th byte, and the places near member boundaries where the rules change.
    static var cuts: [Int] {
        var cuts = Set(stride(from: 0, through: file.bytes.count, by: 97))
        for index in 0..<file.count {
            for delta in [0, 1, 2, 3, 4, 9, 10, 11] { cuts.insert(file.start(index) + delta) }
            for delta in 1...9 { cuts.insert(file.end(index) - delta) }
        }
        cuts.insert(file.bytes.count)
        return cuts.sorted()
    }

    @Test func truncationAnywhere() {
        let file = Self.file
        for cut in Self.cuts {
            let bytes = Corruption.truncating(file.bytes, to: cut)
            let result = DecodedStream.decode(bytes)
            // Where the input is cut into pieces changes nothing.
            expectSameResult(DecodedStream.decode(bytes, chunkSize: 61), result, "cut at \(cut), chunks of 61")
            Self.check(result, cutAt: cut)
        }
    }

    static func check(_ result: DecodedStream, cutAt cut: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        let label = "cut at \(cut)"
        guard cut > 0 else {
            #expect(result.format == nil, sourceLocation: sourceLocation)
            #expect(result.members.isEmpty, sourceLocation: sourceLocation)
            #expect(result.damages.isEmpty, sourceLocation: sourceLocation)
            return
        }
        guard cut >= 3 else {
            // Too short for a gzip header: plain bytes.
            #expect(result.format == .plain, "\(label)", sourceLocation: sourceLocation)
            #expect(result.damages.isEmpty, "\(label)", sourceLocation: sourceLocation)
            return
        }
        #expect(result.format == .gzip, "\(label)", sourceLocation: sourceLocation)
        guard let cutMember = file.member(holding: cut) else {
            // The whole file.
            #expect(result.damages.isEmpty, "\(label)", sourceLocation: sourceLocation)
            for index in 0..<file.count {
                expectWhole(result, file.uploads[index], at: file.start(index), sourceLocation: sourceLocation)
            }
            return
        }
        for index in 0..<cutMember {
            expectWhole(result, file.uploads[index], at: file.start(index), sourceLocation: sourceLocation)
        }
        let into = cut - file.start(cutMember)
        switch into {
        case 0:
            // Exactly at a member boundary: nothing is missing.
            #expect(result.members.count == cutMember, "\(label)", sourceLocation: sourceLocation)
            #expect(result.damages.isEmpty, "\(label)", sourceLocation: sourceLocation)
        case 1, 2:
            // `1f` or `1f 8b` at the end cannot be told from garbage.
            #expect(result.members.count == cutMember, "\(label)", sourceLocation: sourceLocation)
            #expect(result.damages.map(\.kind) == [.garbage], "\(label)", sourceLocation: sourceLocation)
            #expect(result.damages.map(\.bytesLost) == [into], "\(label)", sourceLocation: sourceLocation)
            #expect(result.damages.map(\.offset) == [file.start(cutMember)], "\(label)", sourceLocation: sourceLocation)
        default:
            #expect(result.members.count == cutMember + 1, "\(label)", sourceLocation: sourceLocation)
            expectNoInventedReadings(result.member(at: file.start(cutMember)), file.uploads[cutMember], sourceLocation: sourceLocation)
            #expect(result.damages.count == 1, "\(label): \(result.damages)", sourceLocation: sourceLocation)
            guard let damage = result.damages.first else { return }
            #expect(damage.kind == .truncated, "\(label)", sourceLocation: sourceLocation)
            #expect(damage.member == cutMember, "\(label)", sourceLocation: sourceLocation)
            #expect(damage.offset == cut, "\(label)", sourceLocation: sourceLocation)
            #expect(damage.bytesLost >= 0 && damage.bytesLost <= into, "\(label): \(damage)", sourceLocation: sourceLocation)
            let size = file.uploads[cutMember].member.count
            if into >= size - trailerSize {
                // Cut in the trailer: every reading was decoded.
                #expect(result.member(at: file.start(cutMember))?.readings == file.uploads[cutMember].readings, "\(label)", sourceLocation: sourceLocation)
                #expect(damage.bytesLost == into - (size - trailerSize), "\(label)", sourceLocation: sourceLocation)
            } else if into < 10 {
                // Cut in the header: nothing was decoded, all of it is lost.
                #expect(damage.bytesLost == into, "\(label)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func truncatedZlibStream() {
        let readings = Fixtures.readings(device: "ZL-CUT", count: 80, seed: 301)
        let stream = Compressor.zlibStream(StreamBuilder.twr1(readings))
        let cuts = Set(stride(from: 3, to: stream.count, by: 5)).union((stream.count - 4)..<stream.count)
        for cut in cuts.sorted() {
            let result = DecodedStream.decode(Array(stream.prefix(cut)))
            #expect(result.format == .zlib)
            #expect(result.members.count == 1)
            #expect(result.damages.map(\.kind) == [.truncated], "cut at \(cut)")
            #expect(result.damages.map(\.member) == [0], "cut at \(cut)")
            #expect(result.damages.map(\.offset) == [cut], "cut at \(cut)")
            #expect(result.damages.allSatisfy { $0.bytesLost <= cut - 2 }, "cut at \(cut)")
            expectNoInventedReadings(result.members.first, Upload(readings, as: .twr1))
            if cut >= stream.count - 4 {
                // Cut in the Adler-32 trailer: all the data is there.
                #expect(result.readings == readings, "cut at \(cut)")
                #expect(result.damages.map(\.bytesLost) == [cut - (stream.count - 4)], "cut at \(cut)")
            }
        }
    }
}
