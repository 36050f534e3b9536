import TagwatchCompression
import TagwatchCore

/// The decoding half of one stream's ingest: container events in, readings decoded and
/// checked against the ledger, counters and problems out. Pure.
struct StreamIngest {
    private let limits: ReadingLimits
    private var decoder: ReadingDecoder?
    private var member: Member?
    private var batch = DecodedBatch()
    private(set) var counters = IngestCounters()
    private(set) var problems: [StreamProblem] = []

    init(limits: ReadingLimits) {
        self.limits = limits
        batch.readings.reserveCapacity(16 * 1024)
    }

    mutating func handle(_ parcel: Parcel, ledger: inout ReadingLedger) {
        parcel.bytes.withUnsafeBytes { bytes in
            for event in parcel.events {
                switch event {
                case .memberStarted(let started):
                    member = started
                    decoder = ReadingDecoder(limits: limits)
                case .data(let range):
                    decoder?.feed(UnsafeRawBufferPointer(rebasing: bytes[range]), into: &batch)
                    drain(into: &ledger)
                case .memberEnded:
                    decoder?.finish(into: &batch)
                    drain(into: &ledger)
                    decoder = nil
                case .damaged(let damage):
                    counters.bytesLost += damage.bytesLost
                    counters.damagedRanges += 1
                    list(StreamProblem(kind: .damaged(damage.kind), member: damage.member, offset: damage.offset,
                                       length: damage.bytesLost, detail: damage.detail))
                }
            }
        }
    }

    private mutating func drain(into ledger: inout ReadingLedger) {
        for (reading, offset) in zip(batch.readings, batch.offsets) {
            switch ledger.record(reading) {
            case .accepted: counters.accepted += 1
            case .duplicate: counters.duplicates += 1
            case .conflict:
                counters.conflicts += 1
                list(StreamProblem(
                    kind: .conflict, member: member?.index, offset: offset, length: 0,
                    detail: "\(reading.device) seq \(reading.seq) was already accepted with different content; this one is kept aside"))
            }
        }
        for rejection in batch.rejections {
            counters.countRejection(rejection.reason)
            list(StreamProblem(kind: .rejected(rejection.reason), member: member?.index, offset: rejection.offset,
                               length: rejection.length, detail: rejection.detail))
        }
        counters.unknownKinds += batch.unknownKinds
        batch.removeAll()
    }

    private mutating func list(_ problem: StreamProblem) {
        if problems.count < StreamReport.listedProblemLimit { problems.append(problem) }
    }
}
