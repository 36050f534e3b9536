import Foundation
import TagwatchCore
import TagwatchTesting
import Testing

/// `tagwatch ingest` as the command-line contract (alerts.md) defines it: the JSON shape,
/// the counters, the exit codes, standard input.
@Suite struct IngestCommandTests {
    let folder: URL
    let readings = SampleReadings.oneOfEachKind

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tagwatch-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    private func write(_ bytes: [UInt8], _ name: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func aCleanBatchExitsZeroWithTheContractsJSON() throws {
        let path = try write(StreamBuilder.gzip(members: [StreamBuilder.twr1(readings), StreamBuilder.ndjson(readings)]), "clean.gz")
        let result = try TagwatchProcess.run(["ingest", "--format", "json", path])
        #expect(result.status == 0)
        let document = try json(result.output)
        let streams = try #require(document["streams"] as? [[String: Any]])
        #expect(streams.count == 1)
        let stream = streams[0]
        #expect(Set(stream.keys) == ["file", "sha256", "accepted", "duplicates", "conflicts", "late", "unknownKinds", "rejected", "bytesLost"])
        #expect(stream["file"] as? String == path)
        #expect((stream["sha256"] as? String)?.count == 64)
        #expect(stream["accepted"] as? Int == readings.count)
        #expect(stream["duplicates"] as? Int == readings.count)
        let rejected = try #require(stream["rejected"] as? [String: Int])
        #expect(Set(rejected.keys) == ["crc", "length", "json", "field", "type", "kind", "clock", "device-id"])
        #expect(rejected.values.allSatisfy { $0 == 0 })
        let totals = try #require(document["totals"] as? [String: Any])
        #expect(totals["accepted"] as? Int == readings.count)
        // No caseload is loaded: each serial raises its one `device.unassigned`.
        #expect(document["alertsOpened"] as? Int == Set(readings.map(\.device)).count)
        #expect(document["alertsUpdated"] as? Int == 0)
    }

    @Test func rejectedRecordsExitThreeAndTheRestIsCounted() throws {
        var bytes = StreamBuilder.twr1(readings)
        bytes[20] ^= 0xFF
        let path = try write(bytes, "damaged.twr1")
        let result = try TagwatchProcess.run(["ingest", "--format", "json", path])
        #expect(result.status == 3)
        let totals = try #require(try json(result.output)["totals"] as? [String: Any])
        #expect(totals["accepted"] as? Int == readings.count - 1)
        #expect((totals["rejected"] as? [String: Int])?["crc"] == 1)
    }

    @Test func standardInputIsReadAsAStream() throws {
        let bytes = StreamBuilder.gzip(members: [StreamBuilder.ndjson(readings)])
        let result = try TagwatchProcess.run(["ingest", "--format", "json", "-"], input: bytes)
        #expect(result.status == 0)
        let stream = try #require((try json(result.output)["streams"] as? [[String: Any]])?.first)
        #expect(stream["file"] as? String == "-")
        #expect(stream["accepted"] as? Int == readings.count)
    }

    @Test func theTextReportSaysWhereEachProblemIs() throws {
        let lines = StreamBuilder.ndjson(readings) + Array("{\"dev\":\"RF-1\",\"seq\":1,\"t\":1763798400000,\"k\":\"warp\"}\n".utf8)
        let path = try write(lines, "kinds.ndjson")
        let result = try TagwatchProcess.run(["ingest", path])
        #expect(result.status == 3)
        #expect(result.output.contains("rejected 1: kind 1"))
        #expect(result.output.contains("kind: member 1, byte \(StreamBuilder.ndjson(readings).count)"))
        #expect(result.output.contains("unknown kind \"warp\""))
    }

    @Test func aMissingFileIsAFatalErrorThatIngestsNothing() throws {
        let good = try write(StreamBuilder.ndjson(readings), "good.ndjson")
        let missing = folder.appendingPathComponent("missing.gz").path
        let result = try TagwatchProcess.run(["ingest", good, missing])
        #expect(result.status == 1)
        #expect(result.errors.contains("missing.gz"))
        #expect(result.output.isEmpty)
    }

    @Test func noFilesIsAUsageErrorWithExitOne() throws {
        let result = try TagwatchProcess.run(["ingest"])
        #expect(result.status == 1)
        #expect(!result.errors.isEmpty)
    }

    @Test func theDemoIngestsTheBuiltInSamples() throws {
        let result = try TagwatchProcess.run(["demo"])
        #expect(result.status == 0)
        #expect(result.output.contains("day-1.gz"))
        #expect(result.output.contains("damaged-upload.gz"))
    }
}
