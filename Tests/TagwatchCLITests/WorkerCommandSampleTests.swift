import Foundation
import TagwatchDeliveryTesting
import TagwatchSamples
import Testing

/// The generator's caseload and three days of gateway files (every rules.md type), one
/// ingest per day, then two `tagwatch worker --once` started together on the store: each
/// prompt alerts.md's "Who gets a prompt of its own" calls for, worked out here from the
/// alerts as listed, reaches the right hook exactly once.
@Suite struct WorkerCommandSampleTests {
    typealias Fixture = WorkerFixture
    static let ranks = ["low": 0, "medium": 1, "high": 2, "critical": 3]

    /// The sample caseload's hooks: `/hooks/centre` and `/hooks/po-17`; emails
    /// `duty@centre.example` and `po-17@probation.example`.
    static func hook(of officer: String?) -> String { "/hooks/" + (officer?.lowercased() ?? "centre") }

    static func email(ofHook path: String) -> String? {
        guard path.hasPrefix("/hooks/") else { return nil }
        let name = path.dropFirst("/hooks/".count)
        return name == "centre" ? "duty@centre.example" : "\(name)@probation.example"
    }

    /// `path event alert` of every prompt owed by `now`, two days after the alerts were
    /// raised: opened (officer, medium or above when opened; the centre for no subject),
    /// confirmed in a later batch (officer), escalated (centre: every open alert with a
    /// deadline, all passed) and a daily summary per officer with unresolved alerts
    /// (`now` is 09:00 UTC).
    static func expectedPrompts(_ alerts: [[String: Any]]) -> [String] {
        var prompts: [String] = []
        for alert in alerts {
            let id = alert["id"] as? String ?? "?"
            let officer = alert["officer"] as? String
            let history = alert["history"] as? [[String: Any]] ?? []
            func changed(_ field: String, _ entry: [String: Any]) -> String? {
                ((entry["changes"] as? [String: Any])?[field] as? [Any])?.last as? String
            }
            let opened = history.first { $0["action"] as? String == "opened" }.flatMap { changed("severity", $0) } ?? "?"
            if alert["subject"] is NSNull || alert["subject"] == nil {
                prompts.append("\(hook(of: nil)) opened \(id)")
            } else if (ranks[opened] ?? -1) >= 1 {
                prompts.append("\(hook(of: officer)) opened \(id)")
            }
            if history.contains(where: { $0["action"] as? String == "updated" && changed("details.classification", $0) == "confirmed" }) {
                prompts.append("\(hook(of: officer)) confirmed \(id)")
            }
            if alert["status"] as? String == "open", (ranks[alert["severity"] as? String ?? ""] ?? 0) >= 1 {
                prompts.append("\(hook(of: nil)) escalated \(id)")
            }
        }
        let officers = Set(alerts.filter { $0["status"] as? String != "resolved" }.compactMap { $0["officer"] as? String })
        prompts += officers.map { "\(hook(of: $0)) summary -" }
        return prompts.sorted()
    }

    @Test func theSampleDaysPromptsReachTheirHooksOnceWithTwoWorkersAtOnce() async throws {
        try await WebhookReceiver.run(secret: Array(Fixture.secret.utf8)) { receiver in
            for hook in ["/hooks/centre"] + SampleSet.officers.map({ Self.hook(of: $0) }) {
                receiver.script(hook, .stall(.milliseconds(50)), times: 1000)
            }
            var configuration = SampleConfiguration()
            configuration.seed = 11
            // Ten days ago, so the readings are in the past and the orders far from their end.
            configuration.start = (Int64(Date().timeIntervalSince1970 * 1000) / Fixture.day - 10) * Fixture.day
            let set = SampleSet(configuration)
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tagwatch-worker-samples-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let fixture = Fixture(folder: folder, store: folder.appendingPathComponent("store.sqlite").path,
                                  spool: folder.appendingPathComponent("outbox-mail"), base: configuration.start,
                                  orderStart: configuration.start, orderEnd: configuration.start, subjects: [])
            defer { fixture.remove() }
            let caseload = folder.appendingPathComponent("caseload.json")
            try CaseloadDocument.json(for: set, hooks: receiver.url("/hooks")).write(to: caseload)
            let loaded = try await fixture.tagwatch(["caseload", "load", "--db", fixture.store, caseload.path])
            try #require(loaded.status == 0, "\(loaded.output)\(loaded.errors)")
            var days = [Data](repeating: Data(), count: configuration.days)
            set.generate { day, member in days[day].append(contentsOf: member) }
            for (index, bytes) in days.enumerated() {
                let file = folder.appendingPathComponent("day-\(index + 1).gz")
                try bytes.write(to: file)
                let ingest = try await fixture.tagwatch(["ingest", "--db", fixture.store, file.path])
                try #require(ingest.status == 0, "day \(index + 1): \(ingest.output)\(ingest.errors)")
            }
            let alerts = try await fixture.alerts()
            let expected = Self.expectedPrompts(alerts)
            // Every kind the readings raise: opened for both recipients, a drinking
            // episode confirmed in a later batch, escalations, summaries.
            for kind in ["/hooks/centre opened", "confirmed", "/hooks/centre escalated", "summary"] {
                #expect(expected.contains { $0.contains(kind) }, "the samples owe no '\(kind)' prompt")
            }
            let raised = try #require(alerts.compactMap { Fixture.milliseconds($0["raisedAt"]) }.max())
            let now = (raised / Fixture.day + 2) * Fixture.day + 9 * Fixture.hour

            let workers = try (0..<2).map { _ in
                try TagwatchProcess.start(fixture.workerArguments(at: now), environment: fixture.environment(), in: folder)
            }
            var passes: [WorkerPass] = []
            for worker in workers {
                let run = await worker.finish()
                #expect(run.status == 0, "\(run.output)\(run.errors)")
                passes.append(try #require(WorkerPass(output: run.output), "\(run.output)\(run.errors)"))
            }
            #expect(receiver.requests.map(\.summary).sorted() == expected)
            #expect(receiver.repeats == 0)
            #expect(receiver.requests.allSatisfy { $0.signatureVerified && $0.idempotencyKey != nil })
            // Every recipient has a webhook and an email: two deliveries a prompt.
            #expect(passes.map(\.delivered).reduce(0, +) == 2 * expected.count, "\(passes)")
            #expect(passes.map(\.queued).reduce(0, +) == 2 * expected.count, "\(passes)")
            #expect(try fixture.deliveries().allSatisfy { $0.status == "delivered" })
            try fixture.expectMails(for: receiver.requests, emailOfHook: Self.email(ofHook:))
            // All said: a third pass has nothing to do.
            #expect(try await fixture.pass(at: now + Fixture.minute) == WorkerPass())
        }
    }
}
