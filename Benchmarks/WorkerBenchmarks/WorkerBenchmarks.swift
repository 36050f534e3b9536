import Benchmark
import Foundation
import Logging
import TagwatchCaseload
import TagwatchCore
import TagwatchDelivery
import TagwatchDeliveryTesting
import TagwatchRules
import TagwatchStore
import TagwatchWorker

/// The follow-up worker against a real HTTP receiver on loopback (alerts.md, "The
/// follow-up worker"): how many prompts a pass delivers per second (written out for a
/// person, signed, posted and recorded), and how long an alert's prompt takes from the
/// commit that owes it to its webhook's arrival while the worker runs as a service.
let benchmarks: @Sendable () -> Void = {
    let secret = Array("benchmark-secret-0123456789".utf8)
    let prompts = 500

    Benchmark("worker delivers \(prompts) webhooks",
              configuration: .init(metrics: [.wallClock, .peakMemoryResident,
                                             .custom("deliveries/s", polarity: .prefersLarger, useScalingFactor: false)],
                                   warmupIterations: 1, maxDuration: .seconds(60), maxIterations: 5)) { benchmark in
        try await WebhookReceiver.run(secret: secret) { receiver in
            let fixture = try WorkerBench(hooks: receiver.url("/hooks"))
            try fixture.owe(prompts)
            let webhook = try WebhookChannel(secret: secret)
            let worker = FollowUpWorker(store: fixture.store, webhook: webhook, mail: try MailSpool(folder: fixture.folder + "/mail"))
            let clock = ContinuousClock()
            benchmark.startMeasurement()
            let started = clock.now
            let pass = try await worker.pass(now: WorkerBench.now)
            let elapsed = clock.now - started
            benchmark.stopMeasurement()
            try await webhook.shutdown()
            precondition(pass.delivered == prompts && receiver.uniqueKeys.count == prompts,
                         "every prompt delivered once: \(pass), \(receiver.uniqueKeys.count) keys received")
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            benchmark.measurement(.custom("deliveries/s", polarity: .prefersLarger, useScalingFactor: false), Int(Double(prompts) / seconds))
        }
    }

    // One run of many commits (a receiver, a store and a worker set up once), each
    // commit's latency a sample: the worker looks for work every 200 ms, so a prompt
    // waits for the next pass, then for its delivery.
    let commits = 200
    Benchmark("commit to webhook, worker running",
              configuration: .init(metrics: [.custom("commit to webhook (ms)", polarity: .prefersSmaller, useScalingFactor: false)],
                                   warmupIterations: 0, maxDuration: .seconds(300), maxIterations: 1)) { benchmark in
        try await WebhookReceiver.run(secret: secret) { receiver in
            let fixture = try WorkerBench(hooks: receiver.url("/hooks"))
            let webhook = try WebhookChannel(secret: secret)
            let worker = FollowUpWorker(store: fixture.store, webhook: webhook, mail: try MailSpool(folder: fixture.folder + "/mail"))
            let service = Task { try await WorkerService(worker: worker, logger: Logger(label: "bench")).run() }
            let clock = ContinuousClock()
            for number in 0..<commits {
                let committed = clock.now
                let id = try fixture.raise(number: number, at: Int64(Date().timeIntervalSince1970 * 1000))
                let key = "alert-\(id).opened.officer:PO-1.webhook"
                while !receiver.requests(to: "/hooks/po-1").contains(where: { $0.idempotencyKey == key }) {
                    try await Task.sleep(for: .milliseconds(1))
                }
                let waited = clock.now - committed
                benchmark.measurement(.custom("commit to webhook (ms)", polarity: .prefersSmaller, useScalingFactor: false),
                                      Int(waited.milliseconds))
                // Commits spread over the worker's cycle, as ingests come.
                try await Task.sleep(for: .milliseconds(Int.random(in: 0..<200)))
            }
            service.cancel()
            _ = try? await service.value
            try await webhook.shutdown()
        }
    }
}

/// A store in a fresh folder with a caseload whose officer PO-1 and centre are reached by
/// webhook at `hooks` only.
struct WorkerBench {
    /// Before 08:00 UTC, so no daily summary joins the prompts counted.
    static let now = Instant.milliseconds(rfc3339: "2026-11-23T06:00:00Z")!
    let folder: String
    let store: Store

    init(hooks: String) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tagwatch-worker-bench-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        store = try Store(path: folder + "/store.sqlite")
        let document = """
            {"centre": {"name": "Centre", "notify": {"webhook": "\(hooks)/centre"}},
             "officers": [{"id": "PO-1", "name": "Sam Okafor", "notify": {"webhook": "\(hooks)/po-1"}}],
             "subjects": [{"id": "S-1", "officer": "PO-1", "risk": "low", "timezone": "Europe/London"}],
             "orders": [{"id": "O-1", "subject": "S-1", "type": "sobriety", "start": "2026-01-01T00:00:00Z", "end": "2036-01-01T00:00:00Z"}],
             "devices": [{"serial": "TAC-1", "role": "alcohol", "subject": "S-1", "from": "2026-01-01T00:00:00Z"}]}
            """
        guard case .success = try store.load(caseloadDocument: Data(document.utf8), by: "bench", at: Self.now) else {
            fatalError("the benchmark's caseload was refused")
        }
    }

    /// Commits `count` tamper alerts in one batch: `count` prompts owed to PO-1.
    func owe(_ count: Int) throws {
        let changes = (0..<count).map { change(number: $0) }
        _ = try store.commit(BatchOutcome(changes: changes, devices: [], watermark: nil, raisedAt: Self.now, after: try store.ruleState().batches))
    }

    /// Commits one alert, as an ingest would; returns its id.
    func raise(number: Int, at time: Int64) throws -> Int64 {
        _ = try store.commit(BatchOutcome(changes: [change(number: number)], devices: [], watermark: nil, raisedAt: time,
                                          after: try store.ruleState().batches))
        return try store.alerts(AlertFilter(status: .open)).first!.id
    }

    private func change(number: Int) -> AlertChange {
        let start = Instant.milliseconds(rfc3339: "2026-11-01T00:00:00Z")! + Int64(number) * 3_600_000
        return AlertChange(key: EpisodeKey(type: .tamperRemoval, device: DeviceSerial("TAC-1")!, start: start), severity: .high,
                           subject: "S-1", order: "O-1", officer: "PO-1", end: nil, openedAt: start,
                           details: ["readingsOffSkin": .integer(4), "coldReadings": .integer(4), "baselineIR": .number(2.7)],
                           firstSeq: UInt32(number * 10 + 1), lastSeq: UInt32(number * 10 + 4))
    }
}
