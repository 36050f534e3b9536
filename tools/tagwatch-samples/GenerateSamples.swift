import ArgumentParser
import Foundation
import TagwatchCompression
import TagwatchCore
import TagwatchSamples

/// `tagwatch-samples`: writes realistic tag streams, a matching caseload and the alerts
/// the rules must raise for what it injected.
@main
struct GenerateSamples: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tagwatch-samples",
        abstract: "Generate sample streams, caseload and expected alerts.",
        discussion: """
            Writes day-N.gz (one gzip member per upload, as a gateway delivers them), \
            caseload.json and expected-alerts.json into the output folder. Large sets for \
            benchmarks: --curfew-subjects 2000 --days 1 --plain.
            """
    )

    @Option(help: "Output folder.")
    var out: String = "samples"

    @Option(help: "Subjects on curfew orders (tag and home unit each).")
    var curfewSubjects = 14

    @Option(help: "Subjects on sobriety orders.")
    var sobrietySubjects = 6

    @Option(help: "Days of data.")
    var days = 3

    @Option(help: "Random seed: the same seed gives the same bytes.")
    var seed: UInt64 = 1

    @Option(help: "Encoding of uploads: twr1, ndjson or mixed.")
    var encoding: EncodingChoice = .mixed

    @Flag(help: "No injected violations (load-test data).")
    var plain = false

    @Flag(help: "Also write damaged-upload.gz: three uploads, one with a damaged byte, one cut short.")
    var damagedExample = false

    enum EncodingChoice: String, ExpressibleByArgument {
        case twr1, ndjson, mixed
    }

    func validate() throws {
        guard days >= 1 else { throw ValidationError("--days must be at least 1.") }
        guard curfewSubjects >= 0, sobrietySubjects >= 0 else { throw ValidationError("Subject counts cannot be negative.") }
        guard curfewSubjects < 90_000, sobrietySubjects < 90_000 else { throw ValidationError("At most 89999 subjects of each kind.") }
    }

    func run() throws {
        var configuration = SampleConfiguration()
        configuration.curfewSubjects = curfewSubjects
        configuration.sobrietySubjects = sobrietySubjects
        configuration.days = days
        configuration.seed = seed
        configuration.encoding = switch encoding {
        case .twr1: .twr1
        case .ndjson: .ndjson
        case .mixed: nil
        }
        configuration.injectScenarios = !plain
        configuration.includeUnassignedDevice = !plain
        let set = SampleSet(configuration)
        let folder = URL(fileURLWithPath: out)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)

        var files: [FileHandle] = []
        var sizes = [Int](repeating: 0, count: days)
        for day in 1...days {
            let path = folder.appendingPathComponent("day-\(day).gz").path
            _ = FileManager.default.createFile(atPath: path, contents: nil)
            files.append(try FileHandle(forWritingTo: URL(fileURLWithPath: path)))
        }
        try set.generate { day, member in
            try files[day].write(contentsOf: member)
            sizes[day] += member.count
        }
        for file in files { try file.close() }
        try CaseloadDocument.json(for: set).write(to: folder.appendingPathComponent("caseload.json"))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let expected = set.expectedAlerts()
        try encoder.encode(expected).write(to: folder.appendingPathComponent("expected-alerts.json"))
        if damagedExample {
            try DamagedExample.bytes(from: folder.appendingPathComponent("day-1.gz")).write(to: folder.appendingPathComponent("damaged-upload.gz"))
        }
        for (day, size) in sizes.enumerated() { print("day-\(day + 1).gz: \(size) bytes") }
        print("caseload.json, expected-alerts.json (\(expected.count) alerts) in \(folder.path)")
    }
}

/// Three uploads copied from a day file, the second with one byte of its deflate data
/// changed and the third cut short: what a flaky link delivers. Reading it shows the
/// damage reported and every other reading kept.
enum DamagedExample {
    static func bytes(from dayFile: URL) throws -> Data {
        let all = [UInt8](try Data(contentsOf: dayFile))
        let starts = memberStarts(all)
        guard starts.count >= 4 else { throw ValidationError("day-1.gz has too few uploads for the damaged example.") }
        var first = Array(all[starts[0]..<starts[1]])
        var second = Array(all[starts[1]..<starts[2]])
        let third = Array(all[starts[2]..<starts[3]])
        second[second.count / 2] ^= 0x55
        first += second
        first += third.prefix(third.count / 2)
        return Data(first)
    }

    /// Where each gzip member starts, found by decoding (a header pattern alone could
    /// also occur inside compressed data).
    static func memberStarts(_ bytes: [UInt8]) -> [Int] {
        var starts: [Int] = []
        let container = ContainerDecoder()
        bytes.withUnsafeBytes { all in
            container.feed(all) { event in
                if case .memberStarted(let member) = event { starts.append(member.offset) }
            }
        }
        container.finish { _ in }
        return starts + [bytes.count]
    }
}
