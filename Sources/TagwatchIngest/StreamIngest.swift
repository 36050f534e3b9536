import TagwatchCompression
import TagwatchCore

/// One stream's bytes through container and decoder to readings checked against the
/// ledger. Pure: the caller supplies the bytes.
struct StreamIngest {
    let container = ContainerDecoder()
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

    mutating func feed(_ bytes: UnsafeRawBufferPointer, ledger: inout ReadingLedger) {
        container.feed(bytes) { handle($0, ledger: &ledger) }
    }

    mutating func finish(ledger: inout ReadingLedger) {
        container.finish { handle($0, ledger: &ledger) }
    }

    private mutating func handle(_ event: ContainerEvent, ledger: inout ReadingLedger) {
        switch event {
        case .memberStarted(let started):
            member = started
            decoder = ReadingDecoder(limits: limits)
        case .data(let bytes):
            decoder?.feed(bytes, into: &batch)
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
