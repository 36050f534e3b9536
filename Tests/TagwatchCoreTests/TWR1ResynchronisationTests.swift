import TagwatchCore
import TagwatchTesting
import Testing

/// streams.md §2.1, resynchronisation: "One damaged byte costs one record, not the
/// stream."
@Suite struct TWR1ResynchronisationTests {
    typealias R = ReferenceTWR1

    /// Records of every size, with `0xA7` bytes inside them (in `seq`, `t`, `rssi` and the
    /// floats) followed by plausible kinds and lengths, so that the scan after damage
    /// meets false sync bytes.
    static let readings: [Reading] = [
        Make.reading("TAC-000417", 0x0010_01A7, 0x0000_01A7_0110_A7A7, .tac(AlcoholSample(tac: 0.031, ir: 2.71, temp: 33.4))),
        Make.reading("RF-1", 0xA7, Make.morning, .rf(inRange: true, rssi: Int8(bitPattern: 0xA7))),
        Make.reading("HB", 0x0006_01A7, Make.morning + 1, .hb),
        Make.reading("GPS-000020", 301, Make.morning + 2, .gps(LocationFix(lat: Double(bitPattern: 0x4049_C0A7_0108_00A7), lon: -0.1276, accuracy: 8.5))),
        Make.reading("S", 7, Make.morning + 3, .strap(ok: false)),
        Make.reading("HMU-001932", 5120, Make.morning + 4, .hmu([.moved])),
        Make.reading("B-2", 88123, Make.morning + 5, .batt(percent: 71)),
        Make.reading("T", 1, Make.morning + 6, .tac(AlcoholSample(tac: Float(bitPattern: 0x3C01_0CA7), ir: -1, temp: 30))),
        Make.reading("LAST-ONE", 2, Make.morning + 7, .rf(inRange: false, rssi: -97)),
    ]
    static let stream = R.stream(readings)
    static let starts = R.recordOffsets(readings)
    static let sizes = readings.map { R.record(for: $0).count }

    /// The record holding byte `position`.
    static func record(at position: Int) -> Int {
        starts.lastIndex { $0 <= position }!
    }

    /// The reason the damaged record is reported for: a `len` over 1024, or one running
    /// past the end of the stream, is `length`; everything else fails the checksum or the
    /// sync byte (`crc`).
    static func expectedReason(flipping position: Int) -> RejectReason {
        let index = record(at: position)
        let start = starts[index]
        switch position - start {
        case 2:
            let length = Int(stream[start + 2] ^ 0xFF) | Int(stream[start + 3]) << 8
            if length > 1024 { return .length }
            return start + 8 + length > stream.count ? .length : .crc
        case 3:
            let length = Int(stream[start + 2]) | Int(stream[start + 3] ^ 0xFF) << 8
            return length > 1024 ? .length : .crc
        default:
            return .crc
        }
    }

    @Test func fixtureDecodesWholeAndHoldsFalseSyncBytes() {
        let result = CoreDecode.run(Self.stream)
        #expect(result.readings == Self.readings)
        #expect(result.rejections.isEmpty)
        let syncBytesInsideRecords = Self.starts.indices.reduce(0) { count, index in
            count + Self.stream[(Self.starts[index] + 1)..<(Self.starts[index] + Self.sizes[index])].count { $0 == 0xA7 }
        }
        #expect(syncBytesInsideRecords >= 8)
    }

    @Test(arguments: [nil, 1, 5, 64])
    func flippingAnyByteAfterTheHeaderCostsExactlyThatRecord(chunkSize: Int?) {
        for position in R.header.count..<Self.stream.count {
            let damaged = Corruption.flipping(Self.stream, at: position)
            let index = Self.record(at: position)
            var expected = Self.readings
            expected.remove(at: index)
            let result = CoreDecode.run(damaged, chunkSize: chunkSize)
            #expect(result.readings == expected, "flipped byte \(position), in record \(index)")
            #expect(result.rejections.count == 1, "flipped byte \(position), in record \(index)")
            guard let rejection = result.rejections.first else { continue }
            #expect(rejection.offset == Self.starts[index], "flipped byte \(position)")
            #expect(rejection.length == Self.sizes[index], "flipped byte \(position)")
            #expect(rejection.reason == Self.expectedReason(flipping: position), "flipped byte \(position): \(rejection.detail)")
        }
    }

    @Test func flippingAnyByteOfAnUnknownKindRecordLosesNoReading() {
        let unknown = R.record(kind: 99, body: [1, 2, 3, 4, 5, 6])
        let head = R.stream(Array(Self.readings.prefix(4)))
        let bytes = head + unknown + Self.readings.dropFirst(4).flatMap(R.record(for:))
        for position in head.count..<(head.count + unknown.count) {
            let result = CoreDecode.run(Corruption.flipping(bytes, at: position))
            #expect(result.readings == Self.readings, "flipped byte \(position)")
            #expect(result.unknownKinds == 0, "flipped byte \(position)")
            #expect(result.rejections.map(\.offset) == [head.count], "flipped byte \(position)")
            #expect(result.rejections.map(\.length) == [unknown.count], "flipped byte \(position)")
        }
    }

    /// Garbage of several shapes, with the reason it must be reported for.
    static let garbage: [(bytes: [UInt8], reason: RejectReason)] = [
        ([0x00], .crc),
        ([0x13, 0x37, 0xA7, 0x01, 0x10, 0x00, 0x42], .crc),
        (utf8("TWR"), .crc),
        (utf8("TWR1") + [2, 0, 0, 0], .crc),
        ([0xA7, 0x03, 0xFF, 0xFF], .length),
        (R.record(kind: 3, body: [1, 2, 3, 4, 5], crc: 0), .crc),
        ([UInt8](repeating: 0x55, count: 2000), .crc),
        ([UInt8](repeating: 0xA7, count: 40), .length),
    ]

    @Test(arguments: 0..<garbage.count)
    func garbageInsertedAtAnyRecordBoundaryIsOneRejectionAndKeepsEveryReading(garbageIndex: Int) {
        let (garbage, reason) = Self.garbage[garbageIndex]
        for boundary in Self.starts + [Self.stream.count] {
            let bytes = Corruption.inserting(garbage, into: Self.stream, at: boundary)
            for chunkSize in [nil, 3, 100] {
                let result = CoreDecode.run(bytes, chunkSize: chunkSize)
                #expect(result.readings == Self.readings, "garbage at \(boundary), chunks of \(chunkSize ?? 0)")
                #expect(result.rejections.map(\.offset) == [boundary], "garbage at \(boundary), chunks of \(chunkSize ?? 0)")
                #expect(result.rejections.map(\.length) == [garbage.count], "garbage at \(boundary), chunks of \(chunkSize ?? 0)")
                #expect(result.rejections.map(\.reason) == [reason], "garbage at \(boundary), chunks of \(chunkSize ?? 0)")
            }
        }
    }

    @Test func damageInTwoSeparateRecordsCostsThoseTwoRecords() {
        let first = Self.starts[1] + 6, second = Self.starts[6] + 9
        let bytes = Corruption.flipping(Corruption.flipping(Self.stream, at: first), at: second)
        let result = CoreDecode.run(bytes)
        var expected = Self.readings
        expected.remove(at: 6)
        expected.remove(at: 1)
        #expect(result.readings == expected)
        #expect(result.rejections.map(\.offset) == [Self.starts[1], Self.starts[6]])
        #expect(result.rejections.map(\.reason) == [.crc, .crc])
    }

    @Test func aRecordAfterALongRunOfGarbageIsFound() {
        var generator = SystemRandomNumberGenerator()
        let garbage = Corruption.randomBytes(200_000, using: &generator).map { $0 == 0xA7 || $0 == 0x54 ? 0 : $0 }
        let bytes = R.stream([Self.readings[0]]) + garbage + R.record(for: Self.readings[1])
        let result = CoreDecode.run(bytes, chunkSize: 4096)
        #expect(result.readings == Array(Self.readings.prefix(2)))
        #expect(result.rejections.map(\.length) == [garbage.count])
    }
}
