import Foundation
import GRDB
@testable import TagwatchRules
import TagwatchCore
import TagwatchStore

/// A fresh store in a temporary folder of its own, one per test.
struct StoreFixture {
    let folder: URL
    let store: Store

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tagwatch-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try Store(path: folder.appendingPathComponent("store.sqlite").path)
    }

    /// The database opened directly, as someone tampering with it would.
    func raw() throws -> DatabaseQueue {
        try DatabaseQueue(path: store.path)
    }

    /// Commits one batch with `changes` and nothing else; returns its counts.
    @discardableResult
    func commit(_ changes: [AlertChange], streams: [StreamRecord] = [], at time: Int64 = 1_800_000_000_000) throws -> AlertCounts {
        let state = try store.ruleState()
        return try store.commit(BatchOutcome(changes: changes, devices: [], watermark: nil, raisedAt: time,
                                             streams: streams, after: state.batches))
    }

    /// An alert change for `device` starting at `start`: S-1's (PO-1's, under O-1), or
    /// no one's when `subject` is nil.
    static func change(_ type: AlertType = .curfewAbsence, severity: AlertSeverity = .high, subject: String? = "S-1",
                       device: String = "RF-1", start: Int64 = 1_790_000_000_000, end: Int64? = nil,
                       seqs: ClosedRange<UInt32> = 10...20, minutes: Int64 = 30, details: [String: AlertDetail]? = nil) -> AlertChange {
        AlertChange(key: EpisodeKey(type: type, device: DeviceSerial(device)!, start: start), severity: severity,
                    subject: subject, order: subject == nil ? nil : "O-1", officer: subject == nil ? nil : "PO-1", end: end,
                    openedAt: start + 6 * 60_000, details: details ?? ["minutesAbsent": .integer(minutes)],
                    firstSeq: seqs.lowerBound, lastSeq: seqs.upperBound)
    }
}
