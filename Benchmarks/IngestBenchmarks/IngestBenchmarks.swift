import Benchmark
import Foundation
import TagwatchCaseload
import TagwatchCompression
import TagwatchCore
import TagwatchIngest
import TagwatchRules
import TagwatchSamples

/// Decoding throughput on generated gateway files: one day of `TAGWATCH_BENCH_SUBJECTS`
/// curfew units (default 1500, about 2.7 million readings) as multi-member gzip, in each
/// encoding. Each full-ingest figure has an inflate-only reference on the same file in
/// the same process, and decoding with the rules (a caseload covering every device) has
/// decoding alone; `tools/bench-ingest` compares the whole command against `gzip -dc`.
let benchmarks: @Sendable () -> Void = {
    let subjects = Int(ProcessInfo.processInfo.environment["TAGWATCH_BENCH_SUBJECTS"] ?? "") ?? 1500
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .peakMemoryResident, .throughput,
                  .custom("readings/s", polarity: .prefersLarger, useScalingFactor: false),
                  .custom("decompressed MB/s", polarity: .prefersLarger, useScalingFactor: false)],
        warmupIterations: 1, maxDuration: .seconds(60), maxIterations: 5)

    for encoding in RecordEncoding.allCases {
        let corpus = BenchCorpus(subjects: subjects, encoding: encoding)

        Benchmark("ingest \(encoding.rawValue) multi-member gzip", configuration: configuration) { benchmark in
            let path = corpus.path()
            var batch = BatchIngest(wallClock: Int64(Date().timeIntervalSince1970 * 1000))
            let clock = ContinuousClock()
            benchmark.startMeasurement()
            let started = clock.now
            let report = try batch.ingest(ByteSource(name: path))
            let elapsed = clock.now - started
            benchmark.stopMeasurement()
            blackHole(report)
            corpus.record(benchmark, readings: report.counters.accepted, elapsed: elapsed)
        }

        Benchmark("ingest + rules \(encoding.rawValue) multi-member gzip", configuration: configuration) { benchmark in
            let path = corpus.path()
            let caseload = try corpus.caseload()
            var batch = BatchIngest(wallClock: Int64(Date().timeIntervalSince1970 * 1000))
            var monitor = Monitor(caseload: caseload)
            let clock = ContinuousClock()
            benchmark.startMeasurement()
            let started = clock.now
            let report = try batch.ingest(ByteSource(name: path), into: &monitor)
            let changes = monitor.endBatch()
            let elapsed = clock.now - started
            benchmark.stopMeasurement()
            blackHole(changes)
            corpus.record(benchmark, readings: report.counters.accepted, elapsed: elapsed)
        }

        Benchmark("inflate only \(encoding.rawValue) (reference)", configuration: configuration) { benchmark in
            let path = corpus.path()
            let source = try ByteSource(name: path)
            let container = ContainerDecoder()
            var bytes = 0
            let clock = ContinuousClock()
            benchmark.startMeasurement()
            let started = clock.now
            while true {
                let chunk = try source.next()
                if chunk.isEmpty { break }
                container.feed(chunk) { if case .data(let data) = $0 { bytes += data.count } }
            }
            container.finish { if case .data(let data) = $0 { bytes += data.count } }
            let elapsed = clock.now - started
            benchmark.stopMeasurement()
            blackHole(bytes)
            corpus.record(benchmark, readings: corpus.readingCount(), elapsed: elapsed)
        }
    }
}

/// A generated benchmark file, written once to the temporary folder and reused by every
/// benchmark process.
struct BenchCorpus: Sendable {
    let subjects: Int
    let encoding: RecordEncoding

    private var folder: String {
        NSTemporaryDirectory() + "tagwatch-bench-\(subjects)-\(encoding.rawValue)"
    }

    private var configuration: SampleConfiguration {
        var configuration = SampleConfiguration()
        configuration.curfewSubjects = subjects
        configuration.sobrietySubjects = subjects / 10
        configuration.days = 1
        configuration.encoding = encoding
        configuration.injectScenarios = false
        configuration.includeUnassignedDevice = false
        return configuration
    }

    /// The caseload assigning every device of the corpus.
    func caseload() throws -> Caseload {
        try CaseloadReader.read(CaseloadDocument.json(for: SampleSet(configuration))).get()
    }

    func path() -> String {
        let file = folder + "/day-1.gz"
        if FileManager.default.fileExists(atPath: file) { return file }
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let partial = file + ".partial"
        _ = FileManager.default.createFile(atPath: partial, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: partial) else { fatalError("cannot write \(partial)") }
        var readings = 0
        var decompressed = 0
        SampleSet(configuration).generate { _, member in
            handle.write(Data(member))
        }
        try? handle.close()
        // Count once, so the reference benchmark can report readings/s on the same file.
        var batch = BatchIngest(wallClock: Int64(Date().timeIntervalSince1970 * 1000))
        if let report = try? batch.ingest(ByteSource(name: partial)) { readings = report.counters.accepted }
        decompressed = Self.decompressedSize(partial)
        try? "\(readings) \(decompressed)".write(toFile: folder + "/counts", atomically: true, encoding: .utf8)
        try? FileManager.default.moveItem(atPath: partial, toPath: file)
        return file
    }

    func readingCount() -> Int { counts().readings }

    private func counts() -> (readings: Int, decompressed: Int) {
        let text = (try? String(contentsOfFile: folder + "/counts", encoding: .utf8)) ?? "0 0"
        let parts = text.split(separator: " ").compactMap { Int($0) }
        return (parts.first ?? 0, parts.last ?? 0)
    }

    func record(_ benchmark: Benchmark, readings: Int, elapsed: Duration) {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        guard seconds > 0 else { return }
        benchmark.measurement(.custom("readings/s", polarity: .prefersLarger, useScalingFactor: false), Int(Double(readings) / seconds))
        benchmark.measurement(.custom("decompressed MB/s", polarity: .prefersLarger, useScalingFactor: false),
                              Int(Double(counts().decompressed) / seconds / 1_000_000))
    }

    private static func decompressedSize(_ path: String) -> Int {
        guard let source = try? ByteSource(name: path) else { return 0 }
        let container = ContainerDecoder()
        var bytes = 0
        while let chunk = try? source.next(), !chunk.isEmpty {
            container.feed(chunk) { if case .data(let data) = $0 { bytes += data.count } }
        }
        container.finish { if case .data(let data) = $0 { bytes += data.count } }
        return bytes
    }
}
