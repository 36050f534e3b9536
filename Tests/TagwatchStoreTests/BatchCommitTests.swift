import Foundation
import TagwatchStore
import TagwatchRules
import TagwatchCore
import TagwatchCaseload
import Testing

/// A batch commits whole or not at all: its streams once, alerts linked to the streams
/// holding their readings, and never over another batch that committed meanwhile.
@Suite struct BatchCommitTests {
    /// A stream holding `seqs` of `device`, of which it brought in those within
    /// `accepted` (all of them unless told; nil: none).
    static func stream(_ sha: String, device: String = "RF-1", seqs: ClosedRange<Int64>, accepted: ClosedRange<Int64>? = Int64.min...Int64.max,
                       quarantine: Int = 0) -> StreamRecord {
        StreamRecord(
            sha256: sha, name: "\(sha).gz", byteCount: 100, container: "gzip", members: 1, counters: ["accepted": seqs.count],
            devices: [StreamRecord.Device(serial: device, firstSeq: seqs.lowerBound, lastSeq: seqs.upperBound,
                                          firstTime: 0, lastTime: 1, readings: seqs.count, accepted: accepted.map { $0.clamped(to: seqs) })],
            quarantine: (0..<quarantine).map { StreamRecord.Quarantined(member: 0, offset: $0 * 10, length: 10, kind: "rejected.crc", detail: "bad") })
    }

    @Test func aBatchCommittedMeanwhileRefusesTheOtherAndNothingOfItIsKept() throws {
        let fixture = try StoreFixture()
        let first = try fixture.store.ruleState()
        let second = try fixture.store.ruleState()
        _ = try fixture.store.commit(BatchOutcome(changes: [StoreFixture.change(device: "RF-1")], devices: [], watermark: 5,
                                                  raisedAt: 1, after: first.batches))
        #expect(throws: StoreError.self) {
            _ = try fixture.store.commit(BatchOutcome(changes: [StoreFixture.change(device: "RF-2")], devices: [], watermark: 9,
                                                      raisedAt: 2, streams: [Self.stream("aa", seqs: 1...5)], after: second.batches))
        }
        #expect(try fixture.store.alerts().map(\.device) == ["RF-1"])
        #expect(try fixture.store.ruleState().watermark == 5)
        #expect(try fixture.store.ruleState().batches == 1)
        #expect(try fixture.store.auditEntries().count == 1)
    }

    @Test func alertsLinkTheStreamsHoldingTheirReadingsAndAStreamIsRecordedOnce() throws {
        let fixture = try StoreFixture()
        // Readings 1–15 in stream a, 16–30 in b; the alert's readings are 10–20.
        try fixture.commit([StoreFixture.change(seqs: 10...20)],
                           streams: [Self.stream("aa", seqs: 1...15, quarantine: 2), Self.stream("bb", seqs: 16...30),
                                     Self.stream("cc", device: "RF-2", seqs: 10...20), Self.stream("dd", seqs: 21...40)])
        #expect(try fixture.store.alerts().first?.streams == ["aa", "bb"])
        // The same stream again: kept once, its quarantine not listed twice.
        try fixture.commit([StoreFixture.change(seqs: 10...20)], streams: [Self.stream("aa", seqs: 1...15, quarantine: 2)])
        let counts = try fixture.raw().read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM stream WHERE sha256 = 'aa'"),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM quarantine"))
        }
        #expect(counts.0 == 1)
        #expect(counts.1 == 2)
        #expect(try fixture.store.alerts().first?.streams == ["aa", "bb"])
    }

    /// Review finding: an alert opened after a batch that updated one took the id of its
    /// history row, so linking failed and the store refused every later batch.
    @Test func alertsOpenedAfterAnUpdateGetTheirOwnIdAndEveryStreamBehindThem() throws {
        let fixture = try StoreFixture()
        try fixture.commit([StoreFixture.change(device: "RF-1", seqs: 10...12)],
                           streams: [Self.stream("s1", device: "RF-1", seqs: 1...15), Self.stream("s0", device: "RF-3", seqs: 1...10)])
        let updated = try fixture.commit([StoreFixture.change(device: "RF-1", seqs: 10...25, minutes: 45)],
                                         streams: [Self.stream("s2", device: "RF-1", seqs: 16...30)])
        #expect(updated.updated == 1)
        // A new alert on RF-2, and one on RF-3 whose reading came in the first batch
        // (a silence judged later).
        let opened = try fixture.commit([StoreFixture.change(device: "RF-2", seqs: 1...4), StoreFixture.change(.noContact, device: "RF-3", seqs: 5...5)],
                                        streams: [Self.stream("s3", device: "RF-2", seqs: 1...10)])
        #expect(opened.opened == 2)
        let alerts = Dictionary(uniqueKeysWithValues: try fixture.store.alerts().map { ($0.device, $0) })
        #expect(alerts["RF-1"]?.streams == ["s1", "s2"])
        #expect(alerts["RF-2"]?.streams == ["s3"])
        #expect(alerts["RF-3"]?.streams == ["s0"])
        #expect(try fixture.store.alert(id: try #require(alerts["RF-2"]?.id))?.device == "RF-2")
    }

    /// alerts.md: a stream overlapping one already ingested changes nothing, its alerts'
    /// evidence included, now or when the episode goes on later.
    @Test func aResendThatBringsInNothingJoinsNoAlertsEvidence() throws {
        let fixture = try StoreFixture()
        try fixture.commit([StoreFixture.change(seqs: 10...20)], streams: [Self.stream("day1", seqs: 1...30)])
        // Readings 5–30 again (nothing taken in), then 25–40 of which 31–40 are new.
        try fixture.commit([], streams: [Self.stream("resend", seqs: 5...30, accepted: nil)])
        #expect(try fixture.store.alerts().first?.streams == ["day1"])
        try fixture.commit([StoreFixture.change(seqs: 10...35, minutes: 60)],
                           streams: [Self.stream("day2", seqs: 25...40, accepted: 31...40)])
        #expect(try fixture.store.alerts().first?.streams == ["day1", "day2"])
    }

    /// A batch killed after a checkpoint and run again finds what its interrupted run
    /// took in already there; its stream still joins the alerts resting on those readings,
    /// as it would have had the batch not been interrupted, and a later resend joins none.
    @Test func aBatchRunAgainAfterACheckpointLinksItsStreamToAlertsOnWhatItsInterruptedRunTookIn() throws {
        let fixture = try StoreFixture()
        try fixture.commit([], streams: [Self.stream("day1", seqs: 1...9)])
        // The interrupted run: a checkpoint opened an alert on readings 10–20, then it died.
        let state = try fixture.store.ruleState()
        _ = try fixture.store.commit(BatchOutcome(changes: [StoreFixture.change(seqs: 10...20)], devices: [], watermark: nil,
                                                  raisedAt: 2, after: state.batches, isCheckpoint: true))
        // The rerun brings in 21–30 only; its stream holds 10–30. Its end judges an
        // alert on readings 12–14, which its interrupted run took in.
        let rerun = try fixture.store.ruleState()
        _ = try fixture.store.commit(BatchOutcome(changes: [StoreFixture.change(.dataGap, seqs: 12...14)], devices: [], watermark: nil,
                                                  raisedAt: 3, streams: [Self.stream("day2", seqs: 10...30, accepted: 21...30)],
                                                  after: rerun.batches, startedAfter: rerun.batches))
        #expect(try fixture.store.alerts().map(\.streams) == [["day2"], ["day2"]])
        // The next batch resends day 2: nothing of it is taken in, and it joins nothing,
        // though the alert's checkpoint is still after an earlier finished batch's.
        let next = try fixture.store.ruleState()
        _ = try fixture.store.commit(BatchOutcome(changes: [], devices: [], watermark: nil, raisedAt: 4,
                                                  streams: [Self.stream("day2-again", seqs: 10...30, accepted: nil)],
                                                  after: next.batches, startedAfter: next.batches))
        #expect(try fixture.store.alerts().map(\.streams) == [["day2"], ["day2"]])
    }

    /// Short absences are kept with their batch, once however often it is replayed.
    @Test func shortAbsencesAreKeptOncePerDeviceAndStart() throws {
        let fixture = try StoreFixture()
        let absence = ShortAbsence(order: "O-1", subject: "S-1", device: DeviceSerial("RF-1")!, start: 1_000, end: 181_000)
        for _ in 0..<2 {
            let state = try fixture.store.ruleState()
            _ = try fixture.store.commit(BatchOutcome(changes: [], devices: [], watermark: nil, raisedAt: 1, after: state.batches,
                                                      shortAbsences: [absence]))
        }
        #expect(try fixture.store.shortAbsences(order: "O-1") == [TimeSpan(1_000, 181_000)])
        #expect(try fixture.store.shortAbsences(order: "O-2").isEmpty)
    }
}
