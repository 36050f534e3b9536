import PropertyBased
@testable import TagwatchCore
import Testing

/// streams.md §3: (`dev`, `seq`) identifies a reading; a repeat is a duplicate, and a
/// repeat with different content a conflict, checked at least against the device's
/// readings of the last `gapHoldMinutes`.
@Suite struct ReadingLedgerTests {
    static let minute: Int64 = 60_000

    static func hb(_ dev: String, _ seq: UInt32, at time: Int64 = Make.morning) -> Reading {
        Make.reading(dev, seq, time, .hb)
    }

    static func hb(_ seq: UInt32, at time: Int64 = Make.morning) -> Reading {
        hb("TAG-1", seq, at: time)
    }

    @Test func aNewIdentityIsAccepted() {
        var ledger = ReadingLedger()
        #expect(ledger.record(Self.hb(1)) == .accepted)
        #expect(ledger.record(Self.hb(2)) == .accepted)
        #expect(ledger.record(Self.hb("TAG-2", 1)) == .accepted)
        #expect(ledger.deviceCount == 2)
    }

    @Test(arguments: Make.oneOfEachKind)
    func theSameReadingAgainIsADuplicate(reading: Reading) {
        var ledger = ReadingLedger()
        #expect(ledger.record(reading) == .accepted)
        #expect(ledger.record(reading) == .duplicate)
        #expect(ledger.record(reading) == .duplicate)
    }

    /// Readings that share the identity of `Make.oneOfEachKind[0]` but differ from it in
    /// one thing each.
    static let variants: [Reading] = {
        let base = Make.oneOfEachKind[0]
        var list: [Reading] = []
        func with(_ change: (inout Reading) -> Void) {
            var copy = base
            change(&copy)
            list.append(copy)
        }
        with { $0.time += 1 }
        with { $0.payload = .tac(AlcoholSample(tac: -0.5, ir: 3.25, temp: 36.0)) }
        with { $0.payload = .tac(AlcoholSample(tac: -0.5, ir: 3.5, temp: 36.125)) }
        with { $0.payload = .tac(AlcoholSample(tac: 0.5, ir: 3.25, temp: 36.125)) }
        with { $0.payload = .hb }
        with { $0.payload = .strap(ok: true) }
        with { $0.payload = .batt(percent: 0) }
        with { $0.payload = .gps(LocationFix(lat: -0.5, lon: 3.25, accuracy: 36.125)) }
        return list
    }()

    @Test(arguments: variants)
    func aRepeatWithDifferentContentIsAConflict(variant: Reading) {
        var ledger = ReadingLedger()
        #expect(ledger.record(Make.oneOfEachKind[0]) == .accepted)
        #expect(ledger.record(variant) == .conflict)
        // The accepted reading stays the reference: it is still a duplicate of itself.
        #expect(ledger.record(Make.oneOfEachKind[0]) == .duplicate)
        #expect(ledger.record(variant) == .conflict)
    }

    @Test func payloadsThatDifferInOneFieldConflict() {
        let pairs: [(Payload, Payload)] = [
            (.rf(inRange: true, rssi: -50), .rf(inRange: false, rssi: -50)),
            (.rf(inRange: true, rssi: -50), .rf(inRange: true, rssi: -51)),
            (.strap(ok: true), .strap(ok: false)),
            (.hmu([.onMains]), .hmu([.onMains, .moved])),
            (.batt(percent: 50), .batt(percent: 51)),
            (.gps(LocationFix(lat: 1, lon: 2, accuracy: 3)), .gps(LocationFix(lat: 1, lon: 2, accuracy: 4))),
            (.gps(LocationFix(lat: 1, lon: 2, accuracy: 3)), .gps(LocationFix(lat: 1, lon: 2.5, accuracy: 3))),
            (.tac(AlcoholSample(tac: 0, ir: 1, temp: 2)), .tac(AlcoholSample(tac: -0.0, ir: 1, temp: 2))),
        ]
        for (index, (first, second)) in pairs.enumerated() {
            var ledger = ReadingLedger()
            #expect(ledger.record(Make.reading("D", 1, Make.morning, first)) == .accepted)
            #expect(ledger.record(Make.reading("D", 1, Make.morning, second)) == .conflict, "pair \(index)")
        }
    }

    @Test func theSameSeqOnAnotherDeviceIsANewReading() {
        var ledger = ReadingLedger()
        #expect(ledger.record(Self.hb("A", 7)) == .accepted)
        #expect(ledger.record(Make.reading("B", 7, Make.morning, .batt(percent: 1))) == .accepted)
        #expect(ledger.record(Self.hb("A", 7)) == .duplicate)
    }

    @Test func seqsInAnyOrderAreEachAcceptedOnce() {
        var ledger = ReadingLedger()
        let order: [UInt32] = [10, 3, 7, 11, 1, 2, 9, 4, 8, 5, 6, 0, UInt32.max, UInt32.max - 1, 12]
        for seq in order {
            #expect(ledger.record(Self.hb(seq, at: Make.morning + Int64(seq % 100))) == .accepted, "seq \(seq)")
        }
        for seq in order.reversed() {
            #expect(ledger.record(Self.hb(seq, at: Make.morning + Int64(seq % 100))) == .duplicate, "seq \(seq)")
            #expect(ledger.record(Self.hb(seq, at: Make.morning + 1000)) == .conflict, "seq \(seq)")
        }
    }

    @Test func aConflictWithinTheWindowIsFoundAfterManyLaterReadings() {
        var ledger = ReadingLedger(conflictWindowMinutes: 360)
        for seq in UInt32(0)..<360 {
            #expect(ledger.record(Self.hb(seq, at: Make.morning + Int64(seq) * Self.minute)) == .accepted)
        }
        // seq 0 is 359 minutes older than the latest reading: still inside the window.
        #expect(ledger.record(Self.hb(0, at: Make.morning + 1)) == .conflict)
        #expect(ledger.record(Self.hb(0, at: Make.morning)) == .duplicate)
    }

    @Test func aRepeatOlderThanTheConflictWindowIsADuplicate() {
        var ledger = ReadingLedger(conflictWindowMinutes: 10)
        #expect(ledger.record(Self.hb(1, at: Make.morning)) == .accepted)
        #expect(ledger.record(Self.hb(2, at: Make.morning + 11 * Self.minute)) == .accepted)
        // seq 1 left the window: its content is no longer compared, but its identity is
        // still known.
        #expect(ledger.record(Self.hb(1, at: Make.morning + 5)) == .duplicate)
        #expect(ledger.record(Make.reading("TAG-1", 1, Make.morning, .strap(ok: false))) == .duplicate)
        // seq 2 is inside it.
        #expect(ledger.record(Self.hb(2, at: Make.morning)) == .conflict)
    }

    @Test func theWindowIsCountedInTheDevicesOwnTime() {
        var ledger = ReadingLedger(conflictWindowMinutes: 10)
        #expect(ledger.record(Self.hb("OLD", 1, at: Make.morning)) == .accepted)
        // Another device far ahead does not push OLD's readings out of its window.
        #expect(ledger.record(Self.hb("NEW", 1, at: Make.morning + 1000 * Self.minute)) == .accepted)
        #expect(ledger.record(Self.hb("OLD", 1, at: Make.morning + 1)) == .conflict)
    }

    @Test func aLateReadingBetweenOthersIsComparedToo() {
        var ledger = ReadingLedger(conflictWindowMinutes: 60)
        for seq: UInt32 in [1, 2, 4, 5] {
            #expect(ledger.record(Self.hb(seq, at: Make.morning + Int64(seq) * Self.minute)) == .accepted)
        }
        #expect(ledger.record(Self.hb(3, at: Make.morning + 3 * Self.minute)) == .accepted)
        #expect(ledger.record(Self.hb(3, at: Make.morning + 3 * Self.minute + 1)) == .conflict)
        #expect(ledger.record(Self.hb(3, at: Make.morning + 3 * Self.minute)) == .duplicate)
    }

    @Test func manyDevicesInterleavedAreKeptApart() {
        var ledger = ReadingLedger()
        let devices = (0..<500).map { "DEV-\($0)" }
        for seq in UInt32(0)..<6 {
            for (index, dev) in devices.enumerated() {
                let reading = Make.reading(dev, seq, Make.morning + Int64(seq) * Self.minute, .batt(percent: UInt8(index % 100)))
                #expect(ledger.record(reading) == .accepted)
            }
        }
        #expect(ledger.deviceCount == devices.count)
        for (index, dev) in devices.enumerated().reversed() {
            let seq = UInt32(index % 6)
            let same = Make.reading(dev, seq, Make.morning + Int64(seq) * Self.minute, .batt(percent: UInt8(index % 100)))
            var other = same
            other.payload = .batt(percent: UInt8((index + 1) % 100))
            #expect(ledger.record(same) == .duplicate, "\(dev)")
            #expect(ledger.record(other) == .conflict, "\(dev)")
        }
        #expect(ledger.deviceCount == devices.count)
    }

    @Test func aLongRunOfOneDeviceKeepsEveryIdentity() {
        var ledger = ReadingLedger(conflictWindowMinutes: 5)
        for seq in UInt32(0)..<5000 {
            #expect(ledger.record(Self.hb(seq, at: Make.morning + Int64(seq) * Self.minute)) == .accepted)
        }
        for seq in stride(from: UInt32(0), to: 5000, by: 97) {
            #expect(ledger.record(Self.hb(seq, at: Make.morning + Int64(seq) * Self.minute)) == .duplicate)
        }
        // The latest five minutes are still compared.
        #expect(ledger.record(Self.hb(4998, at: Make.morning)) == .conflict)
    }

    // MARK: Against a model

    /// One step of a model run: a device, a seq and which of two contents.
    struct Step: Sendable, CustomStringConvertible {
        var device: Int
        var seq: UInt32
        var variant: Bool
        var description: String { "(\(device), \(seq), \(variant))" }
    }

    static let steps = zip(Gen.int(in: 0...3), Gen<UInt32?>.element(of: [0, 1, 2, 3, 4, 5, 6, 7, 100, 101, UInt32.max - 1, UInt32.max]).map { $0! }, Gen.bool(0.2))
        .map { Step(device: $0.0, seq: $0.1, variant: $0.2) }
        .array(of: 0...80)

    /// With a window wider than any time in the run, the verdicts are those of a plain
    /// dictionary of accepted contents.
    @Test func verdictsMatchAModel() async {
        await propertyCheck(count: 300, input: Self.steps) { steps in
            var ledger = ReadingLedger()
            var model: [String: Bool] = [:]
            for step in steps {
                let reading = Make.reading("D\(step.device)", step.seq, Make.morning + Int64(step.seq % 1000),
                                           step.variant ? .strap(ok: true) : .hb)
                let key = "\(step.device)/\(step.seq)"
                let expected: ReadingLedger.Verdict
                if let accepted = model[key] {
                    expected = accepted == step.variant ? .duplicate : .conflict
                } else {
                    expected = .accepted
                    model[key] = step.variant
                }
                #expect(ledger.record(reading) == expected, "\(step)")
            }
        }
    }

    @Test func seqRangesMatchASet() async {
        let seqs = Gen<UInt32?>.element(of: [0, 1, 2, 3, 5, 8, 9, 10, 11, 40, UInt32.max - 2, UInt32.max - 1, UInt32.max])
            .map { $0! }
            .array(of: 0...60)
        await propertyCheck(count: 500, input: seqs) { seqs in
            var ranges = SeqRanges()
            var model = Set<UInt32>()
            for seq in seqs {
                #expect(ranges.insert(seq) == model.insert(seq).inserted, "insert \(seq)")
            }
            for probe in [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 39, 40, 41, UInt32.max - 3, UInt32.max - 2, UInt32.max - 1, UInt32.max] {
                #expect(ranges.contains(probe) == model.contains(probe), "contains \(probe)")
            }
            // Sorted, disjoint and not adjacent, so one range per run of seqs.
            for (left, right) in zip(ranges.ranges, ranges.ranges.dropFirst()) {
                #expect(left.upperBound < right.lowerBound && right.lowerBound - left.upperBound > 1, "\(ranges.ranges)")
            }
            #expect(ranges.ranges.reduce(0) { $0 + Int($1.count) } == model.count)
        }
    }
}

/// Hostile orders of `seq` stay correct.
@Suite struct ReadingLedgerOrderTests {
    @Test func descendingSeqsAreAllAcceptedOnceAndThenDuplicates() throws {
        var ledger = ReadingLedger()
        let device = try #require(DeviceSerial("RF-1"))
        let count: UInt32 = 20_000
        let readings = (0..<count).reversed().map {
            Reading(device: device, seq: $0 * 2, time: 1_763_798_400_000, payload: .hb)
        }
        #expect(readings.allSatisfy { ledger.record($0) == .accepted })
        #expect(readings.allSatisfy { ledger.record($0) == .duplicate })
        #expect(ledger.record(Reading(device: device, seq: 1, time: 1_763_798_400_000, payload: .hb)) == .accepted)
    }
}

/// A chatty device (a tag flapping every few seconds) still has its repeats' content
/// compared over six hours: a changed reading is a conflict, not a duplicate.
@Suite struct ReadingLedgerWindowTests {
    @Test func aDeviceWithThousandsOfReadingsInSixHoursStillHasItsConflictsFound() throws {
        var ledger = ReadingLedger()
        let device = try #require(DeviceSerial("RF-FLAP"))
        let start: Int64 = 1_763_798_400_000
        let readings = (0..<6000).map {
            Reading(device: device, seq: UInt32($0), time: start + Int64($0) * 1000, payload: .rf(inRange: $0 % 2 == 0, rssi: -60))
        }
        #expect(readings.allSatisfy { ledger.record($0) == .accepted })
        var changed = readings[0]
        changed.time += 1
        #expect(ledger.record(changed) == .conflict)
        #expect(ledger.record(readings[0]) == .duplicate)
    }
}
