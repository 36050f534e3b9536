import Benchmark
import Foundation
import TagwatchCaseload
import TagwatchCompression
import TagwatchCore
import TagwatchIngest
import TagwatchRules
import TagwatchSamples
import TagwatchStore
import TagwatchBatch

/// Decoding throughput on generated gateway files: two days of `TAGWATCH_BENCH_SUBJECTS`
/// curfew units (default 1500, about 2.7 million readings a day) as multi-member gzip, in
/// each encoding. Every figure on day 2 has references on the same file in the same
/// process: decoding alone, and inflating alone. The rules are measured twice: on day 2
/// with every device's state from day 1 (a monitoring centre's every day), and on day 1
/// with every device new (its first readings wait like a gap, see `SequenceState`).
/// The whole batch with the store (evidence kept, everything committed) is measured on
/// day 2 too; `tools/bench-ingest` compares the whole command against `gzip -dc`.
let benchmarks: @Sendable () -> Void = {
    let subjects = Int(ProcessInfo.processInfo.environment["TAGWATCH_BENCH_SUBJECTS"] ?? "") ?? 1500
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .peakMemoryResident, .throughput,
                  .custom("readings/s", polarity: .prefersLarger, useScalingFactor: false),
                  .custom("decompressed MB/s", polarity: .prefersLarger, useScalingFactor: false)],
        warmupIterations: 1, maxDuration: .seconds(60), maxIterations: 5)

    for encoding in RecordEncoding.allCases {
        let corpus = BenchCorpus(subjects: subjects, encoding: encoding)

        Benchmark("decode \(encoding.rawValue) day 2", configuration: configuration) { benchmark in
            let path = corpus.path(day: 2)
            var batch = BatchIngest(wallClock: Int64(Date().timeIntervalSince1970 * 1000))
            let clock = ContinuousClock()
            benchmark.startMeasurement()
            let started = clock.now
            let report = try batch.ingest(ByteSource(name: path))
            let elapsed = clock.now - started
            benchmark.stopMeasurement()
            blackHole(report)
            corpus.record(benchmark, day: 2, readings: report.counters.accepted, elapsed: elapsed)
        }

        Benchmark("decode + rules \(encoding.rawValue) day 2 after day 1", configuration: configuration) { benchmark in
            var monitor = try corpus.monitorAfterDay1(try corpus.caseload())
            try corpus.timeRules(benchmark, day: 2, monitor: &monitor)
        }

        Benchmark("decode + rules + store \(encoding.rawValue) day 2 after day 1", configuration: configuration) { benchmark in
            // The whole batch as `tagwatch ingest` runs it: caseload and rule state read,
            // the stream kept as evidence, everything committed; on a fresh copy of a
            // store that holds the caseload and day 1.
            let store = try corpus.storeAfterDay1()
            let clock = ContinuousClock()
            benchmark.startMeasurement()
            let started = clock.now
            let outcome = try StoredBatch(files: [corpus.path(day: 2)], store: store).run()
            let elapsed = clock.now - started
            benchmark.stopMeasurement()
            blackHole(outcome.alerts)
            corpus.record(benchmark, day: 2, readings: outcome.batch.totals.accepted, elapsed: elapsed)
            try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: store.path).deletingLastPathComponent().path)
        }

        Benchmark("decode + rules \(encoding.rawValue) day 1, every device new", configuration: configuration) { benchmark in
            var monitor = Monitor(caseload: try corpus.caseload())
            try corpus.timeRules(benchmark, day: 1, monitor: &monitor)
        }

        Benchmark("inflate only \(encoding.rawValue) day 2 (reference)", configuration: configuration) { benchmark in
            let path = corpus.path(day: 2)
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
            corpus.record(benchmark, day: 2, readings: corpus.counts(day: 2).readings, elapsed: elapsed)
        }
    }
}

/// Generated benchmark files (one per day), written once to the temporary folder and reused by every
/// benchmark process.
struct BenchCorpus: Sendable {
    let subjects: Int
    let encoding: RecordEncoding

    private var folder: String {
        NSTemporaryDirectory() + "tagwatch-bench-\(subjects)x2-\(encoding.rawValue)"
    }

    private var configuration: SampleConfiguration {
        var configuration = SampleConfiguration()
        configuration.curfewSubjects = subjects
        configuration.sobrietySubjects = subjects / 10
        configuration.days = 2
        configuration.encoding = encoding
        configuration.injectScenarios = false
        configuration.includeUnassignedDevice = false
        return configuration
    }

    /// The caseload assigning every device of the corpus.
    func caseload() throws -> Caseload {
        try CaseloadReader.read(CaseloadDocument.json(for: SampleSet(configuration))).get()
    }

    /// Times `day` through the rules, to the end of its batch.
    func timeRules(_ benchmark: Benchmark, day: Int, monitor: inout Monitor) throws {
        var batch = BatchIngest(wallClock: Int64(Date().timeIntervalSince1970 * 1000))
        let clock = ContinuousClock()
        benchmark.startMeasurement()
        let started = clock.now
        let report = try batch.ingest(ByteSource(name: path(day: day)), into: &monitor)
        let changes = monitor.endBatch()
        let elapsed = clock.now - started
        benchmark.stopMeasurement()
        blackHole(changes)
        record(benchmark, day: day, readings: report.counters.accepted, elapsed: elapsed)
    }

    /// A monitor holding what the store keeps after day 1 went through the rules (the
    /// watermark and every device's state), with day 1's batch and readings released.
    func monitorAfterDay1(_ caseload: Caseload) throws -> Monitor {
        var first = Monitor(caseload: caseload)
        var batch = BatchIngest(wallClock: Int64(Date().timeIntervalSince1970 * 1000))
        _ = try batch.ingest(ByteSource(name: path(day: 1)), into: &first)
        _ = first.endBatch()
        let states = Dictionary(uniqueKeysWithValues: first.takeChangedDevices().map { ($0.serial, $0.state) })
        return Monitor(caseload: caseload, watermark: first.watermark, devices: states)
    }

    /// A fresh copy of a store holding the corpus's caseload and day 1 (made once), in a
    /// folder of its own.
    func storeAfterDay1() throws -> Store {
        let day1 = path(day: 1) // generates the corpus, and its folder, on first use
        let template = folder + "/after-day-1.sqlite"
        if !FileManager.default.fileExists(atPath: template) {
            let building = folder + "/building.sqlite"
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: building + suffix) }
            // In a function of its own, so the store is closed (its write-ahead log
            // folded into the file) before the file is moved.
            func build() throws {
                let store = try Store(path: building)
                let document = try CaseloadDocument.json(for: SampleSet(configuration))
                guard case .success = try store.load(caseloadDocument: document, by: "bench", at: 0) else { fatalError("the corpus caseload does not load") }
                _ = try StoredBatch(files: [day1], store: store).run()
            }
            try build()
            guard !FileManager.default.fileExists(atPath: building + "-wal") else { fatalError("the day-1 store kept its write-ahead log") }
            try FileManager.default.moveItem(atPath: building, toPath: template)
        }
        let run = NSTemporaryDirectory() + "tagwatch-bench-store-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: run, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: template, toPath: run + "/store.sqlite")
        return try Store(path: run + "/store.sqlite")
    }

    /// The file of `day` (1 or 2), generated on first use.
    func path(day: Int) -> String {
        let file = folder + "/day-\(day).gz"
        if !FileManager.default.fileExists(atPath: file) { generate() }
        return file
    }

    private func generate() {
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var handles: [FileHandle] = []
        for day in 1...configuration.days {
            let partial = folder + "/day-\(day).gz.partial"
            _ = FileManager.default.createFile(atPath: partial, contents: nil)
            guard let handle = FileHandle(forWritingAtPath: partial) else { fatalError("cannot write \(partial)") }
            handles.append(handle)
        }
        SampleSet(configuration).generate { day, member in
            handles[day].write(Data(member))
        }
        for day in 1...configuration.days {
            try? handles[day - 1].close()
            let partial = folder + "/day-\(day).gz.partial"
            // Count once, so the reference benchmark can report readings/s on the same file.
            var batch = BatchIngest(wallClock: Int64(Date().timeIntervalSince1970 * 1000))
            let readings = (try? batch.ingest(ByteSource(name: partial)))?.counters.accepted ?? 0
            let decompressed = Self.decompressedSize(partial)
            try? "\(readings) \(decompressed)".write(toFile: folder + "/counts-\(day)", atomically: true, encoding: .utf8)
            try? FileManager.default.moveItem(atPath: partial, toPath: folder + "/day-\(day).gz")
        }
    }

    func counts(day: Int) -> (readings: Int, decompressed: Int) {
        let text = (try? String(contentsOfFile: folder + "/counts-\(day)", encoding: .utf8)) ?? "0 0"
        let parts = text.split(separator: " ").compactMap { Int($0) }
        return (parts.first ?? 0, parts.last ?? 0)
    }

    func record(_ benchmark: Benchmark, day: Int, readings: Int, elapsed: Duration) {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        guard seconds > 0 else { return }
        benchmark.measurement(.custom("readings/s", polarity: .prefersLarger, useScalingFactor: false), Int(Double(readings) / seconds))
        benchmark.measurement(.custom("decompressed MB/s", polarity: .prefersLarger, useScalingFactor: false),
                              Int(Double(counts(day: day).decompressed) / seconds / 1_000_000))
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
