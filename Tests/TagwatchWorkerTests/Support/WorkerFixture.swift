import Foundation
import GRDB
@testable import TagwatchRules
import TagwatchCaseload
import TagwatchCore
import TagwatchDeliveryTesting
import TagwatchStore
import TagwatchWorker

/// A fresh store in a temporary folder with a small caseload (a centre, officer PO-1 on
/// webhook and email, subject S-1 under curfew order O-1 ending `orderEnd`), and a worker
/// whose channels record what they are given.
struct WorkerFixture {
    /// Before 08:00 UTC, when daily summaries fall due.
    static let now = Instant.milliseconds(rfc3339: "2026-11-23T06:00:00Z")!
    static let orderEnd = Instant.milliseconds(rfc3339: "2027-01-01T12:00:00Z")!

    let store: Store
    let channel = RecordingChannel()
    let worker: FollowUpWorker

    init() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tagwatch-worker-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try Store(path: folder.appendingPathComponent("store.sqlite").path)
        let document = """
            {"centre": {"name": "North centre", "notify": {"webhook": "http://hooks/centre"}},
             "officers": [{"id": "PO-1", "name": "Sam Okafor", "notify": {"webhook": "http://hooks/po-1", "email": "sam@probation.example"}}],
             "subjects": [{"id": "S-1", "officer": "PO-1", "risk": "low", "timezone": "Europe/London", "name": "J. Doe"}],
             "orders": [{"id": "O-1", "subject": "S-1", "type": "curfew", "start": "2026-10-01T12:00:00Z", "end": "\(Instant.rfc3339(Self.orderEnd))",
                         "curfew": [{"days": ["mon","tue","wed","thu","fri","sat","sun"], "from": "19:00", "to": "07:00"}]}],
             "devices": [{"serial": "RF-1", "role": "tag", "subject": "S-1", "from": "2026-10-01T12:00:00Z"}]}
            """
        guard case .success = try store.load(caseloadDocument: Data(document.utf8), by: "op-1", at: Self.now) else {
            throw FixtureError.caseloadRefused
        }
        worker = FollowUpWorker(store: store, webhook: channel, mail: channel, owner: "test")
    }

    enum FixtureError: Error { case caseloadRefused }

    /// Commits one batch raising an alert of `type` on RF-1 for S-1, raised at `at`.
    func raise(_ type: AlertType, severity: AlertSeverity, start: Int64 = Instant.milliseconds(rfc3339: "2026-11-22T19:00:00Z")!,
               details: [String: AlertDetail] = [:], at time: Int64 = WorkerFixture.now) throws -> Int64 {
        let change = AlertChange(key: EpisodeKey(type: type, device: DeviceSerial("RF-1")!, start: start), severity: severity,
                                 subject: "S-1", order: "O-1", officer: "PO-1", end: nil, openedAt: start, details: details,
                                 firstSeq: 1, lastSeq: 9)
        let state = try store.ruleState()
        _ = try store.commit(BatchOutcome(changes: [change], devices: [], watermark: nil, raisedAt: time, after: state.batches))
        return try store.alerts().first { $0.type == type.rawValue && $0.start == start }!.id
    }

    /// Changes the database directly, as someone editing it by hand would.
    func raw(_ change: (Database) throws -> Void) throws {
        let queue = try DatabaseQueue(path: store.path)
        try queue.writeWithoutTransaction { try change($0) }
    }

    /// The JSON body of a notification, parsed.
    static func body(_ bytes: [UInt8]) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] ?? [:]
    }
}
