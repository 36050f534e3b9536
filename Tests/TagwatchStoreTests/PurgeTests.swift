import Foundation
import TagwatchStore
import Testing

/// Retention removes old streams (their kept bytes, devices and quarantine) except those
/// behind an alert not yet resolved, and says so in the audit log.
@Suite struct PurgeTests {
    static let day: Int64 = 86_400_000
    static let now: Int64 = 1_800_000_000_000

    @Test func oldStreamsGoUnlessAnUnresolvedAlertRestsOnThem() throws {
        let fixture = try StoreFixture()
        let folder = fixture.store.evidenceFolder
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for sha in ["old-open", "old-resolved", "old-none", "new"] {
            try Data(repeating: 7, count: 100).write(to: URL(fileURLWithPath: folder + "/" + sha))
        }
        // 40 days ago: three streams; RF-1's open alert rests on the first, RF-2's on the second.
        try fixture.commit([StoreFixture.change(device: "RF-1", seqs: 1...5), StoreFixture.change(device: "RF-2", seqs: 1...5)],
                           streams: [BatchCommitTests.stream("old-open", device: "RF-1", seqs: 1...10, quarantine: 1),
                                     BatchCommitTests.stream("old-resolved", device: "RF-2", seqs: 1...10),
                                     BatchCommitTests.stream("old-none", device: "RF-3", seqs: 1...10, quarantine: 3)],
                           at: Self.now - 40 * Self.day)
        try fixture.commit([], streams: [BatchCommitTests.stream("new", device: "RF-3", seqs: 11...20)], at: Self.now - Self.day)
        let resolved = try #require(try fixture.store.alerts().first { $0.device == "RF-2" })
        try fixture.store.review(alert: resolved.id, by: "PO-1", .resolve(.noViolation, note: "explained"), at: Self.now - 30 * Self.day)
        // A file no stream row names (a crash between keeping and committing), long ago.
        let stray = folder + "/.incoming-1-1"
        try Data([1]).write(to: URL(fileURLWithPath: stray))
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: Double(Self.now - 50 * Self.day) / 1000)], ofItemAtPath: stray)

        let outcome = try fixture.store.purge(before: Self.now - 30 * Self.day, by: "ADMIN-1", at: Self.now)
        #expect(outcome.removed == ["old-none", "old-resolved"])
        #expect(outcome.bytesRemoved == 200)
        #expect(outcome.keptForAlerts == 1)
        #expect(outcome.strayFiles == 1)
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder)) == ["old-open", "new"])
        let left = try fixture.raw().read { db in
            (try String.fetchAll(db, sql: "SELECT sha256 FROM stream ORDER BY sha256"),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM quarantine"),
             try String.fetchAll(db, sql: "SELECT DISTINCT sha256 FROM streamDevice ORDER BY sha256"))
        }
        #expect(left.0 == ["new", "old-open"])
        #expect(left.1 == 1)
        #expect(left.2 == ["new", "old-open"])
        // The resolved alert still names the stream it rested on.
        #expect(try fixture.store.alert(id: resolved.id)?.streams == ["old-resolved"])
        let audit = try #require(try fixture.store.auditEntries().last)
        #expect(audit.action == "purge")
        #expect(audit.actor == "ADMIN-1")
        #expect(audit.details.contains(#""streamsRemoved":"2""#))
        #expect(try fixture.store.verifyAudit() == .intact(entries: 4, head: audit.hash))
    }
}
