import Foundation
import TagwatchDeliveryTesting
import Testing

/// One worker test's own folder and store: a small sobriety caseload (caseload.md) whose
/// webhooks point at the test's loopback receiver, and alcohol-tag readings written by
/// hand, so each test knows from rules.md alone which alerts, and so which prompts, to
/// expect.
///
/// Officers: PO-1 has a webhook (`/po-1`) and an email, PO-2 a webhook only (`/po-2`),
/// PO-3 neither; the centre has both (`/centre`). Subject `S-n` wears `TAC-00000n` under
/// sobriety order `O-n`, from five days before ``base`` to ``orderEnd``.
struct WorkerFixture {
    static let secret = "worker-tests-webhook-secret-2026"
    static let minute: Int64 = 60_000
    static let hour: Int64 = 60 * minute
    static let day: Int64 = 24 * hour

    struct Officer {
        var id: String
        var hook: String?
        var email: String?
    }

    struct Subject {
        var number: Int
        var officer: String
        var risk: String

        var id: String { "S-\(number)" }
        var order: String { "O-\(number)" }
        var device: String { "TAC-" + String(String(number + 1_000_000).dropFirst()) }
    }

    static let officers = [
        Officer(id: "PO-1", hook: "/po-1", email: "po-1@probation.example"),
        Officer(id: "PO-2", hook: "/po-2", email: nil),
        Officer(id: "PO-3", hook: nil, email: nil),
    ]
    static let centre = Officer(id: "centre", hook: "/centre", email: "duty@centre.example")
    /// S-1 (PO-1, low risk), S-2 (PO-2, high risk: a pending drinking alert is high),
    /// S-3 (PO-3, whom no prompt can reach).
    static let standard = [
        Subject(number: 1, officer: "PO-1", risk: "low"),
        Subject(number: 2, officer: "PO-2", risk: "high"),
        Subject(number: 3, officer: "PO-3", risk: "low"),
    ]

    let folder: URL
    let store: String
    /// The worker's default spool, `outbox-mail/` beside the store.
    let spool: URL
    /// Midnight UTC ten days ago: the first reading. Pass times before the alerts'
    /// `raisedAt` (the ingest's wall clock) escalate nothing; those are used where a test
    /// wants no escalation.
    let base: Int64
    let orderStart: Int64
    let orderEnd: Int64
    let subjects: [Subject]

    /// A fresh folder with a store holding the caseload, its hooks at `receiver`.
    static func make(hooks receiver: WebhookReceiver, subjects: [Subject] = standard,
                     sourceLocation: SourceLocation = #_sourceLocation) async throws -> WorkerFixture {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tagwatch-worker-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let today = Int64(Date().timeIntervalSince1970 * 1000) / day * day
        let base = today - 10 * day
        let fixture = WorkerFixture(folder: folder, store: folder.appendingPathComponent("store.sqlite").path,
                                    spool: folder.appendingPathComponent("outbox-mail"), base: base,
                                    orderStart: base - 5 * day + 12 * hour, orderEnd: base + 40 * day + 6 * hour, subjects: subjects)
        let caseload = folder.appendingPathComponent("caseload.json")
        try fixture.caseload(hooks: receiver).write(to: caseload)
        let loaded = try await fixture.tagwatch(["caseload", "load", "--db", fixture.store, caseload.path])
        try #require(loaded.status == 0, "caseload load: \(loaded.output)\(loaded.errors)", sourceLocation: sourceLocation)
        return fixture
    }

    func caseload(hooks receiver: WebhookReceiver) throws -> Data {
        func notify(_ officer: Officer) -> [String: Any] {
            var notify: [String: Any] = [:]
            if let hook = officer.hook { notify["webhook"] = receiver.url(hook) }
            if let email = officer.email { notify["email"] = email }
            return notify
        }
        let document: [String: Any] = [
            "centre": ["name": "North monitoring centre", "notify": notify(Self.centre)],
            "officers": Self.officers.map { officer -> [String: Any] in
                var entry: [String: Any] = ["id": officer.id, "name": "Officer \(officer.id)", "team": "Leeds North"]
                if officer.hook != nil || officer.email != nil { entry["notify"] = notify(officer) }
                return entry
            },
            "subjects": subjects.map {
                ["id": $0.id, "officer": $0.officer, "risk": $0.risk, "timezone": "Europe/London", "name": "Subject \($0.number)"]
            },
            "orders": subjects.map {
                ["id": $0.order, "subject": $0.id, "type": "sobriety", "start": Self.rfc3339(orderStart), "end": Self.rfc3339(orderEnd)]
            },
            "devices": subjects.map {
                ["serial": $0.device, "role": "alcohol", "subject": $0.id, "from": Self.rfc3339(orderStart), "to": NSNull()] as [String: Any]
            },
            "absences": [[String: Any]](),
        ]
        return try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }

    /// Removes the folder, store, evidence and spool with it.
    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// `tagwatch ARGUMENTS` in the fixture's folder, with the webhook secret unless `secret` is nil.
    func tagwatch(_ arguments: [String], secret: String? = WorkerFixture.secret) async throws -> TagwatchProcess.Result {
        try await TagwatchProcess.finished(arguments, environment: environment(secret: secret), in: folder)
    }

    func environment(secret: String? = WorkerFixture.secret) -> [String: String] {
        secret.map { ["TAGWATCH_WEBHOOK_SECRET": $0] } ?? [:]
    }

    /// The arguments of `tagwatch worker --once [--now T]` on this store.
    func workerArguments(at now: Int64?) -> [String] {
        ["worker", "--once", "--db", store] + (now.map { ["--now", Self.rfc3339($0)] } ?? [])
    }

    /// One pass of `tagwatch worker --once` at `now` (the wall clock when nil), which must
    /// exit 0 and print its pass line.
    @discardableResult
    func pass(at now: Int64?, sourceLocation: SourceLocation = #_sourceLocation) async throws -> WorkerPass {
        let run = try await tagwatch(workerArguments(at: now))
        try #require(run.status == 0, "worker: \(run.output)\(run.errors)", sourceLocation: sourceLocation)
        return try #require(WorkerPass(output: run.output), "no pass line in: \(run.output)", sourceLocation: sourceLocation)
    }

    /// Ingests NDJSON `lines` as one batch, which must be read whole.
    func ingest(_ lines: [String], sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let file = folder.appendingPathComponent("batch-\(UUID().uuidString.prefix(8)).ndjson")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
        let ingest = try await tagwatch(["ingest", "--db", store, file.path])
        try #require(ingest.status == 0, "ingest: \(ingest.output)\(ingest.errors)", sourceLocation: sourceLocation)
    }

    /// Every alert, as `tagwatch alerts --status all --format json` lists them.
    func alerts(sourceLocation: SourceLocation = #_sourceLocation) async throws -> [[String: Any]] {
        let listed = try await tagwatch(["alerts", "--db", store, "--status", "all", "--format", "json"])
        try #require(listed.status == 0, "alerts: \(listed.errors)", sourceLocation: sourceLocation)
        return try #require(try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]],
                            sourceLocation: sourceLocation)
    }

    /// The one alert of `type` for `subject`.
    func alert(_ type: String, of subject: Subject?, sourceLocation: SourceLocation = #_sourceLocation) async throws -> [String: Any] {
        let matching = try await alerts(sourceLocation: sourceLocation).filter {
            $0["type"] as? String == type && $0["subject"] as? String == subject?.id
        }
        try #require(matching.count == 1, "\(matching.count) \(type) alerts of \(subject?.id ?? "no subject")", sourceLocation: sourceLocation)
        return matching[0]
    }

    /// The email address the caseload gives the hook at `path`, if any.
    static func email(ofHook path: String) -> String? {
        (officers + [centre]).first { $0.hook == path }?.email
    }
}

/// The line `tagwatch worker --once` prints about its pass.
struct WorkerPass: Equatable, CustomStringConvertible {
    var transitions = 0, escalated = 0, summaries = 0, queued = 0, delivered = 0, failed = 0, dead = 0

    init(transitions: Int = 0, escalated: Int = 0, summaries: Int = 0, queued: Int = 0, delivered: Int = 0, failed: Int = 0, dead: Int = 0) {
        (self.transitions, self.escalated, self.summaries, self.queued) = (transitions, escalated, summaries, queued)
        (self.delivered, self.failed, self.dead) = (delivered, failed, dead)
    }

    init?(output: String) {
        let pattern = /worker pass: (\d+) transitions raised, (\d+) alerts escalated, (\d+) summaries owed, (\d+) deliveries queued, (\d+) delivered, (\d+) failed \(to retry\), (\d+) dead/
        guard let match = output.firstMatch(of: pattern) else { return nil }
        let numbers = [match.1, match.2, match.3, match.4, match.5, match.6, match.7].map { Int($0) ?? -1 }
        self.init(transitions: numbers[0], escalated: numbers[1], summaries: numbers[2], queued: numbers[3],
                  delivered: numbers[4], failed: numbers[5], dead: numbers[6])
    }

    var description: String {
        "\(transitions) transitions, \(escalated) escalated, \(summaries) summaries, \(queued) queued, \(delivered) delivered, \(failed) failed, \(dead) dead"
    }
}
