import Foundation
import TagwatchCore
import TagwatchIngest
import TagwatchTesting
import Testing

/// A gzip member whose checksum fails may have altered contents. NDJSON lines have no
/// checksum of their own, so such a member's readings are kept aside (`crc`), never
/// accepted; `TWR1` records carry their own CRC and are kept.
@Suite struct DamagedMemberTrustTests {
    let folder: TemporaryFolder
    let readings = SampleReadings.oneOfEachKind

    init() throws {
        folder = try TemporaryFolder()
    }

    /// `members` gzipped back to back, with the CRC-32 in member `damaged`'s trailer
    /// changed; also where each member starts.
    private func file(_ members: [[UInt8]], damaging damaged: Int) -> (bytes: [UInt8], starts: [Int]) {
        var bytes: [UInt8] = []
        var starts: [Int] = []
        for (index, member) in members.enumerated() {
            var compressed = StreamBuilder.gzip(members: [member])
            if index == damaged { compressed[compressed.count - 8] ^= 0x01 }
            starts.append(bytes.count)
            bytes += compressed
        }
        return (bytes, starts + [bytes.count])
    }

    private func ingest(_ paths: [String]) throws -> BatchIngest {
        var batch = BatchIngest(wallClock: SampleReadings.morning + 86_400_000)
        for path in paths { try batch.ingest(ByteSource(name: path)) }
        return batch
    }

    @Test func anNDJSONMemberWhoseChecksumFailsIsKeptAsideAndTheGenuineCopyStillCounts() throws {
        let other = readings.map { reading in
            var copy = reading
            copy.seq += 10_000
            return copy
        }
        let damaged = file([StreamBuilder.ndjson(other), StreamBuilder.ndjson(readings), StreamBuilder.ndjson(other)], damaging: 1)
        let clean = StreamBuilder.gzip(members: [StreamBuilder.ndjson(readings)])
        let batch = try ingest([folder.write(damaged.bytes, named: "damaged.gz"), folder.write(clean, named: "clean.gz")])
        let first = batch.reports[0].counters
        #expect(first.accepted == other.count)
        #expect(first.duplicates == other.count)
        #expect(first.rejected(.crc) == readings.count)
        #expect(first.bytesLost == 8)
        let second = batch.reports[1].counters
        #expect(second.accepted == readings.count)
        #expect(second.conflicts == 0)
        #expect(second.duplicates == 0)
    }

    @Test func aTWR1MemberWhoseChecksumFailsKeepsItsCheckedRecords() throws {
        let damaged = file([StreamBuilder.twr1(readings)], damaging: 0)
        let counters = try #require(try ingest([folder.write(damaged.bytes, named: "a.gz")]).reports.first).counters
        #expect(counters.accepted == readings.count)
        #expect(counters.rejectedTotal == 0)
        #expect(counters.bytesLost == 8)
        #expect(counters.hasRejections)
    }

    @Test func theReportedDamageIsTheLostRangeAndEndsWhereTheNextMemberStarts() throws {
        let damaged = file([StreamBuilder.twr1(readings), StreamBuilder.twr1(readings), StreamBuilder.twr1(readings)], damaging: 1)
        let report = try #require(try ingest([folder.write(damaged.bytes, named: "a.gz")]).reports.first)
        let problem = try #require(report.problems.first { if case .damaged = $0.kind { true } else { false } })
        #expect(problem.offset == damaged.starts[2] - 8)
        #expect(problem.offset + problem.length == damaged.starts[2])
        #expect(problem.member == 1)
    }
}

/// A member far larger than any upload still has all its NDJSON readings held for the
/// checksum verdict, up to the hold limit.
@Suite struct LargeDamagedMemberTests {
    @Test func everyReadingOfALargeDamagedNDJSONMemberIsKeptAside() throws {
        let folder = try TemporaryFolder()
        let device = try #require(DeviceSerial("TAC-BIG"))
        let count = 70_000
        let readings = (0..<count).map {
            Reading(device: device, seq: UInt32($0), time: SampleReadings.morning + Int64($0) * 1000,
                    payload: .tac(AlcoholSample(tac: 0, ir: 2.7, temp: 33)))
        }
        var member = StreamBuilder.gzip(members: [StreamBuilder.ndjson(readings)])
        member[member.count - 8] ^= 0xFF
        var batch = BatchIngest(wallClock: SampleReadings.morning + 86_400_000)
        let report = try batch.ingest(ByteSource(name: folder.write(member, named: "big.gz")))
        #expect(report.counters.accepted == 0)
        #expect(report.counters.rejected(.crc) == count)
    }
}
