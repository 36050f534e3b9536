import Foundation
import TagwatchIngest
import TagwatchSamples
import TagwatchTesting
import Testing

/// The generator's gateway files, ingested day by day, give back exactly the readings the
/// simulators made: none lost, none invented, in both encodings and mixed files.
@Suite struct GeneratedSampleIngestTests {
    @Test(arguments: [UInt64(1), 7, 42])
    func everyGeneratedReadingIsAcceptedOnce(seed: UInt64) throws {
        let folder = try TemporaryFolder()
        var configuration = SampleConfiguration()
        configuration.curfewSubjects = 5
        configuration.sobrietySubjects = 3
        configuration.days = 2
        configuration.seed = seed
        let set = SampleSet(configuration)
        var members = [[UInt8]](repeating: [], count: configuration.days)
        var expected = [Int](repeating: 0, count: configuration.days)
        var encodings = Set<String>()
        set.forEachUpload { day, encoding, readings in
            expected[day] += readings.count
            encodings.insert(encoding.rawValue)
            members[day] += StreamBuilder.gzip(members: [StreamBuilder.stream(readings, as: encoding)])
        }
        #expect(encodings == ["twr1", "ndjson"])
        var batch = BatchIngest(wallClock: set.midnight(ofDay: configuration.days) + 3_600_000)
        for day in 0..<configuration.days {
            let report = try batch.ingest(ByteSource(name: folder.write(members[day], named: "day-\(day + 1).gz")))
            #expect(report.counters.accepted == expected[day])
            #expect(!report.counters.hasRejections)
            #expect(report.counters.duplicates == 0)
        }
    }

    @Test func theGeneratorsOwnFilesMatchItsUploads() throws {
        var configuration = SampleConfiguration()
        configuration.curfewSubjects = 2
        configuration.sobrietySubjects = 1
        configuration.days = 1
        let set = SampleSet(configuration)
        var viaUploads: [UInt8] = []
        set.forEachUpload { _, encoding, readings in
            viaUploads += StreamBuilder.gzip(members: [StreamBuilder.stream(readings, as: encoding)])
        }
        var viaGenerate: [UInt8] = []
        set.generate { _, member in viaGenerate += member }
        #expect(viaGenerate == viaUploads)
    }
}
