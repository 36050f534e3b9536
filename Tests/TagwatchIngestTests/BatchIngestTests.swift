import Foundation
import TagwatchCore
import TagwatchIngest
import TagwatchTesting
import Testing

@Suite struct BatchIngestTests {
    let folder: TemporaryFolder
    let readings = SampleReadings.oneOfEachKind

    init() throws {
        folder = try TemporaryFolder()
    }

    private func ingest(_ paths: [String]) throws -> BatchIngest {
        var batch = BatchIngest(wallClock: SampleReadings.morning + 86_400_000)
        for path in paths { try batch.ingest(ByteSource(name: path)) }
        return batch
    }

    @Test func countsEveryReadingOfACleanStreamAsAccepted() throws {
        let path = try folder.write(StreamBuilder.gzip(members: [StreamBuilder.twr1(readings)]), named: "a.gz")
        let report = try #require(ingest([path]).reports.first)
        #expect(report.counters.accepted == readings.count)
        #expect(report.counters.rejectedTotal == 0)
        #expect(!report.counters.hasRejections)
        #expect(report.members == 1)
    }

    @Test func theSameStreamTwiceInOneBatchIsAllDuplicates() throws {
        let path = try folder.write(StreamBuilder.ndjson(readings), named: "a.ndjson")
        let batch = try ingest([path, path])
        #expect(batch.reports[0].counters.accepted == readings.count)
        #expect(batch.reports[1].counters.accepted == 0)
        #expect(batch.reports[1].counters.duplicates == readings.count)
        #expect(batch.totals.accepted == readings.count)
        #expect(batch.totals.duplicates == readings.count)
        #expect(!batch.totals.hasRejections)
        // Each device's span: the repeat holds the readings and took none of them in.
        let bySerial = Dictionary(grouping: readings, by: \.device)
        for (first, second) in zip(batch.reports[0].devices, batch.reports[1].devices) {
            let seqs = try #require(bySerial[first.serial]).map(\.seq)
            #expect(first.accepted == seqs.min()!...seqs.max()!)
            #expect(second.serial == first.serial)
            #expect(second.firstSeq == seqs.min()! && second.lastSeq == seqs.max()!)
            #expect(second.accepted == nil)
        }
    }

    @Test func aDifferentReadingUnderAnAcceptedIdentityIsAConflictWhateverTheEncoding() throws {
        var changed = readings
        changed[1].payload = .rf(inRange: true, rssi: -40)
        let first = try folder.write(StreamBuilder.twr1(readings), named: "a.twr1")
        let second = try folder.write(StreamBuilder.ndjson(changed), named: "b.ndjson")
        let batch = try ingest([first, second])
        #expect(batch.reports[1].counters.conflicts == 1)
        #expect(batch.reports[1].counters.duplicates == readings.count - 1)
        #expect(batch.totals.hasRejections)
        let conflict = try #require(batch.reports[1].problems.first)
        #expect(conflict.kind == .conflict)
        #expect(conflict.detail.contains("RF-001932"))
    }

    @Test func theDigestIsTheSHA256OfTheBytesAsReceived() throws {
        let bytes = StreamBuilder.gzip(members: [StreamBuilder.twr1(readings), StreamBuilder.ndjson(readings)])
        let path = try folder.write(bytes, named: "a.gz")
        let report = try #require(ingest([path]).reports.first)
        #expect(report.sha256 == (try Self.sha256sum(path)))
        #expect(report.byteCount == bytes.count)
    }

    @Test func damageAndRejectionsAreCountedAndTheRestIsAccepted() throws {
        var lines = StreamBuilder.ndjson(readings)
        lines += Array("{\"dev\":\"X\",\"seq\":1}\nnot json\n".utf8)
        let members = [StreamBuilder.twr1(readings), lines]
        var bytes = StreamBuilder.gzip(members: members)
        bytes += [0, 0, 0, 0]
        let path = try folder.write(bytes, named: "a.gz")
        let counters = try #require(ingest([path]).reports.first).counters
        #expect(counters.accepted == readings.count)
        #expect(counters.duplicates == readings.count)
        #expect(counters.rejected(.field) == 1)
        #expect(counters.rejected(.json) == 1)
        #expect(counters.bytesLost == 4)
        #expect(counters.hasRejections)
    }

    @Test func anEmptyFileIsAStreamWithNothingInIt() throws {
        let path = try folder.write([], named: "empty")
        let report = try #require(ingest([path]).reports.first)
        #expect(report.counters == IngestCounters())
        #expect(report.members == 0)
    }

    @Test func aMissingFileIsNamedInTheFailure() throws {
        let missing = folder.url.appendingPathComponent("nope.gz").path
        #expect {
            try ByteSource(name: missing)
        } throws: { error in
            "\(error)".contains("nope.gz")
        }
    }

    /// The SHA-256 from coreutils, independent of the code under test.
    static func sha256sum(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
    }
}
