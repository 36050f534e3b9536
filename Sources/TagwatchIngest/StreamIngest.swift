import TagwatchCompression
import TagwatchCore

/// The decoding half of one stream's ingest: container events in, readings decoded and
/// checked against the ledger, counters and problems out, and the readings the ledger
/// accepted collected as ``candidates`` for the sink (see ``SinkFeed``). Pure.
///
/// An NDJSON member's readings wait until the member is known to be whole: a line has no
/// checksum of its own, so if the member's deflate data was bad or its CRC fails, the
/// readings it yielded may have been altered (a changed digit still parses) and are
/// rejected as `crc` instead of accepted, where they could also push genuine readings
/// aside as conflicts. `TWR1` records carry their own CRC and go to the ledger at once.
/// Damage to a member is always reported after it ends and before anything else starts,
/// so the event after a member's end says whether it was damaged.
struct StreamIngest {
    /// The most readings held for one member before they are accepted unchecked, so
    /// memory stays bounded (about 10 MB) for a gateway that sends one huge member; an
    /// upload is far smaller (a curfew unit's hour is about 70, a sobriety tag's day 48).
    static let heldReadingLimit = 131_072

    private let limits: ReadingLimits
    private var decoder: ReadingDecoder?
    private var member: Member?
    private var batch = DecodedBatch()
    /// Readings of the current (or just ended) NDJSON member awaiting its verdict.
    private var held: [(reading: Reading, offset: Int)] = []
    /// The ended member whose verdict is awaited, with its held readings.
    private var awaitingVerdict: Member?
    private(set) var counters = IngestCounters()
    private(set) var problems: [StreamProblem] = []
    private var numbering = DeviceSlots()
    private(set) var devices: [DeviceSpan] = []
    /// Readings the ledger accepted, for the sink; the reader takes them away.
    var candidates: [CandidateReading] = []

    init(limits: ReadingLimits) {
        self.limits = limits
        batch.readings.reserveCapacity(16 * 1024)
    }

    mutating func handle(_ parcel: Parcel, ledger: inout ReadingLedger) {
        parcel.bytes.withUnsafeBytes { bytes in
            for event in parcel.events {
                if let ended = awaitingVerdict {
                    awaitingVerdict = nil
                    if case .damaged(let damage) = event, damage.member == ended.index,
                       damage.kind == .badData || damage.kind == .checksum {
                        rejectHeld(of: ended, because: damage)
                    } else {
                        acceptHeld(into: &ledger)
                    }
                }
                switch event {
                case .memberStarted(let started):
                    member = started
                    decoder = ReadingDecoder(limits: limits)
                case .data(let range):
                    decoder?.feed(UnsafeRawBufferPointer(rebasing: bytes[range]), into: &batch)
                    drain(into: &ledger)
                case .memberEnded(let ended):
                    decoder?.finish(into: &batch)
                    drain(into: &ledger)
                    decoder = nil
                    if !held.isEmpty { awaitingVerdict = ended }
                case .damaged(let damage):
                    counters.bytesLost += damage.bytesLost
                    counters.damagedRanges += 1
                    list(StreamProblem(kind: .damaged(damage.kind), member: damage.member, offset: damage.lostFrom,
                                       length: damage.bytesLost, detail: damage.detail))
                }
            }
        }
    }

    /// Ends the stream: readings still awaiting a verdict belong to a member that ended
    /// whole.
    mutating func finish(ledger: inout ReadingLedger) {
        acceptHeld(into: &ledger)
        awaitingVerdict = nil
    }

    private mutating func drain(into ledger: inout ReadingLedger) {
        if decoder?.encoding == .ndjson {
            if held.capacity == 0 { held.reserveCapacity(Self.heldReadingLimit + batch.readings.count) }
            for (reading, offset) in zip(batch.readings, batch.offsets) { held.append((reading, offset)) }
            if held.count > Self.heldReadingLimit { acceptHeld(into: &ledger) }
        } else {
            for (reading, offset) in zip(batch.readings, batch.offsets) { record(reading, at: offset, into: &ledger) }
        }
        for rejection in batch.rejections {
            counters.countRejection(rejection.reason)
            list(StreamProblem(kind: .rejected(rejection.reason), member: member?.index, offset: rejection.offset,
                               length: rejection.length, detail: rejection.detail))
        }
        counters.unknownKinds += batch.unknownKinds
        batch.removeAll()
    }

    private mutating func record(_ reading: Reading, at offset: Int, into ledger: inout ReadingLedger) {
        switch ledger.record(reading) {
        case .accepted:
            candidates.append(CandidateReading(reading: reading, device: span(reading)))
        case .duplicate:
            counters.duplicates += 1
            span(reading)
        case .conflict:
            counters.conflicts += 1
            list(StreamProblem(
                kind: .conflict, member: member?.index, offset: offset, length: 0,
                detail: "\(reading.device) seq \(reading.seq) was already accepted with different content; this one is kept aside"))
        }
    }

    /// Adds `reading` to its device's span; returns the span's index.
    @discardableResult
    private mutating func span(_ reading: Reading) -> Int {
        let (slot, isNew) = numbering.slot(for: reading.device)
        if isNew { devices.append(DeviceSpan(reading)) } else { devices[slot].add(reading) }
        return slot
    }

    /// Adds what the sink made of the candidates: its counts, and the `seq` bounds of
    /// the readings it took in.
    mutating func settle<Sink>(_ feed: SinkFeed<Sink>) {
        counters.accepted += feed.accepted
        counters.late += feed.late
        counters.duplicates += feed.duplicates
        for (device, bounds) in feed.takenIn.enumerated() { devices[device].takeIn(bounds) }
    }

    private mutating func acceptHeld(into ledger: inout ReadingLedger) {
        for (reading, offset) in held { record(reading, at: offset, into: &ledger) }
        held.removeAll(keepingCapacity: true)
    }

    private mutating func rejectHeld(of ended: Member, because damage: ContainerDamage) {
        for (reading, offset) in held {
            counters.countRejection(.crc)
            list(StreamProblem(
                kind: .rejected(.crc), member: ended.index, offset: offset, length: 0,
                detail: "\(reading.device) seq \(reading.seq) comes from NDJSON member \(ended.index + 1), whose \(damage.kind == .checksum ? "checksum failed" : "compressed data is damaged"): it may have been altered, so it is kept aside, not accepted"))
        }
        held.removeAll(keepingCapacity: true)
    }

    private mutating func list(_ problem: StreamProblem) {
        if problems.count < StreamReport.keptProblemLimit { problems.append(problem) }
    }
}
