import TagwatchCore
import TagwatchTesting
import Testing

/// streams.md §2.1: what the binary decoder makes of records it can frame, one concern
/// per test. Every stream is built by hand (`ReferenceTWR1`), never with `TWR1Encoder`.
@Suite struct TWR1DecoderTests {
    typealias R = ReferenceTWR1

    static let before = Make.reading("BEFORE-1", 10, Make.morning, .batt(percent: 50))
    static let after = Make.reading("AFTER-2", 11, Make.morning + 1, .strap(ok: true))

    /// A stream with `record` between two good records; returns the bytes and the
    /// offset of `record`.
    static func between(_ record: [UInt8]) -> (bytes: [UInt8], offset: Int) {
        let head = R.header + R.record(for: before)
        return (head + record + R.record(for: after), head.count)
    }

    /// Expects `record`, placed between two good records, to be rejected for `reason`
    /// as a whole, with the records around it decoded.
    static func expectRejected(_ record: [UInt8], _ reason: RejectReason, sourceLocation: SourceLocation = #_sourceLocation) {
        let (bytes, offset) = between(record)
        let result = CoreDecode.run(bytes)
        #expect(result.encoding == .twr1, sourceLocation: sourceLocation)
        #expect(result.readings == [before, after], sourceLocation: sourceLocation)
        #expect(result.rejections.map(\.reason) == [reason], sourceLocation: sourceLocation)
        #expect(result.rejections.map(\.offset) == [offset], sourceLocation: sourceLocation)
        #expect(result.rejections.map(\.length) == [record.count], sourceLocation: sourceLocation)
        #expect(result.unknownKinds == 0, sourceLocation: sourceLocation)
    }

    // MARK: Kinds

    @Test(arguments: Make.oneOfEachKind)
    func eachKindDecodesToItsReading(_ reading: Reading) {
        let result = CoreDecode.run(R.stream([reading]))
        #expect(result.encoding == .twr1)
        #expect(result.readings.map(\.exactImage) == [reading.exactImage])
        #expect(result.readings == [reading])
        #expect(result.offsets == [R.header.count])
        #expect(result.rejections.isEmpty)
        #expect(result.unknownKinds == 0)
    }

    @Test func aStreamOfEveryKindDecodesInOrderWithRecordOffsets() {
        let readings = Make.oneOfEachKind
        let result = CoreDecode.run(R.stream(readings))
        #expect(result.readings == readings)
        #expect(result.offsets == R.recordOffsets(readings))
        #expect(result.rejections.isEmpty)
    }

    /// A record spelled out byte by byte from the table, so that field order, widths and
    /// endianness are checked without any helper: a `gps` fix.
    @Test func aLiteralGPSRecordDecodes() {
        let body: [UInt8] = [3, 0x47, 0x2D, 0x31]   // devLen 3, "G-1"
            + [0x04, 0x03, 0x02, 0x01]               // seq 0x01020304
            + [0x00, 0x58, 0xE6, 0x4B, 0x9A, 0x01, 0x00, 0x00] // t 0x019A4BE65800
            + [0, 0, 0, 0, 0, 0, 0xF0, 0x3F]         // lat 1.0
            + [0, 0, 0, 0, 0, 0, 0x00, 0xC0]         // lon -2.0
            + [0, 0, 0x40, 0x40]                     // acc 3.0
        let result = CoreDecode.run(R.header + R.record(kind: 7, body: body))
        #expect(result.readings == [
            Make.reading("G-1", 0x0102_0304, 0x019A_4BE6_5800, .gps(LocationFix(lat: 1, lon: -2, accuracy: 3))),
        ])
        #expect(result.rejections.isEmpty)
    }

    @Test func hmuFlagBitsAboveTheThreeDefinedAreIgnored() {
        let record = R.record(kind: 4, body: R.body(dev: "H1", seq: 1, t: Make.morning, payload: [0b1111_1101]))
        let result = CoreDecode.run(R.header + record)
        #expect(result.readings == [Make.reading("H1", 1, Make.morning, .hmu([.onMains, .caseOpen]))])
        #expect(result.rejections.isEmpty)
    }

    // MARK: Headers and unknown kinds

    @Test func headerIsSkippedAndNotReported() {
        let result = CoreDecode.run(R.header + R.record(for: Self.before))
        #expect(result.readings == [Self.before])
        #expect(result.offsets == [8])
        #expect(result.rejections.isEmpty)
    }

    @Test func aHeaderAloneIsAnEmptyStream() {
        let result = CoreDecode.run(R.header)
        #expect(result.encoding == .twr1)
        #expect(result.readings.isEmpty)
        #expect(result.rejections.isEmpty)
    }

    @Test func twoStreamsJoinedWithCatDecodeAsOne() {
        let first = Array(Make.oneOfEachKind.prefix(5)), second = Array(Make.oneOfEachKind.dropFirst(5))
        let joined = R.stream(first) + R.stream(second)
        let result = CoreDecode.run(joined)
        #expect(result.readings == first + second)
        #expect(result.offsets == R.recordOffsets(first) + R.recordOffsets(second).map { $0 + R.stream(first).count })
        #expect(result.rejections.isEmpty)
    }

    @Test func repeatedHeadersBackToBackAndAtTheEndAreSkipped() {
        let bytes = R.header + R.header + R.record(for: Self.before) + R.header + R.header + R.record(for: Self.after) + R.header
        let result = CoreDecode.run(bytes)
        #expect(result.readings == [Self.before, Self.after])
        #expect(result.rejections.isEmpty)
    }

    @Test(arguments: [UInt8(0), 8, 99, 255])
    func unknownKindWithRightChecksumIsSkippedAndCounted(kind: UInt8) {
        var record: [UInt8] = []
        TWR1Encoder.appendRecord(kind: kind, body: [1, 2, 3, 0xA7, 5], to: &record)
        #expect(record == R.record(kind: kind, body: [1, 2, 3, 0xA7, 5]))
        let result = CoreDecode.run(Self.between(record).bytes)
        #expect(result.readings == [Self.before, Self.after])
        #expect(result.unknownKinds == 1)
        #expect(result.rejections.isEmpty)
    }

    @Test func unknownKindsOfAnyLengthAreSkipped() {
        let records = [0, 1, 13, 1024].map { R.record(kind: 99, body: [UInt8](repeating: 0x5A, count: $0)) }
        let result = CoreDecode.run(Self.between(records.flatMap { $0 }).bytes)
        #expect(result.readings == [Self.before, Self.after])
        #expect(result.unknownKinds == 4)
        #expect(result.rejections.isEmpty)
    }

    // MARK: Length

    @Test func lenOneByteTooLongForItsKindIsLength() {
        let body = R.body(dev: "S-1", seq: 1, t: Make.morning, payload: [1, 0])   // strap takes one byte
        Self.expectRejected(R.record(kind: 3, body: body), .length)
    }

    @Test func lenOneByteTooShortForItsKindIsLength() {
        let body = R.body(dev: "T-1", seq: 1, t: Make.morning, payload: [UInt8](repeating: 0, count: 11)) // tac takes 12
        Self.expectRejected(R.record(kind: 1, body: body), .length)
    }

    @Test func devLenDisagreeingWithLenIsLength() {
        // len says 1 + 4 + 12 + 0 for an hb, but devLen claims 5 characters.
        let body = R.body(dev: utf8("HB-1"), devLen: 5, seq: 1, t: Make.morning, payload: [])
        Self.expectRejected(R.record(kind: 6, body: body), .length)
    }

    @Test func emptyBodyIsLength() {
        Self.expectRejected(R.record(kind: 6, body: []), .length)
    }

    @Test func lenOver1024IsADamagedRangeOfReasonLength() {
        let record = R.record(kind: 99, body: [UInt8](repeating: 0, count: 1025))
        Self.expectRejected(record, .length)
    }

    @Test func lenOver1024WithoutTheBytesIsADamagedRangeUpToTheNextRecord() {
        Self.expectRejected([0xA7, 0x02, 0xFF, 0xFF], .length)
    }

    @Test func recordCutOffAtTheEndIsLengthForEveryCutPoint() {
        let last = R.record(for: Make.oneOfEachKind[0])
        let head = R.header + R.record(for: Self.before)
        for cut in 1..<last.count {
            let result = CoreDecode.run(head + last.prefix(cut))
            #expect(result.readings == [Self.before], "cut after \(cut)")
            #expect(result.rejections.map(\.reason) == [.length], "cut after \(cut)")
            #expect(result.rejections.map(\.offset) == [head.count], "cut after \(cut)")
            #expect(result.rejections.map(\.length) == [cut], "cut after \(cut)")
        }
    }

    // MARK: Checksum

    @Test func badChecksumIsCRC() {
        let good = R.record(for: Make.oneOfEachKind[0])
        let stored = good.suffix(4).enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << ($1.offset * 8) }
        var bad = good
        bad.replaceSubrange((good.count - 4)..., with: R.littleEndian(stored &+ 1))
        Self.expectRejected(bad, .crc)
    }

    @Test func checksumOverKindLenAndBodyIsTheZlibCRC32() {
        // The CRC-32 check value of "123456789" is 0xCBF43926 for this polynomial.
        #expect(ReferenceCRC32.checksum(utf8("123456789")) == 0xCBF4_3926)
        let record = R.record(for: Self.before)
        let crc = record.withUnsafeBytes { TWR1Format.crc32(UnsafeRawBufferPointer(rebasing: $0[1..<(record.count - 4)])) }
        #expect(R.littleEndian(crc) == Array(record.suffix(4)))
    }

    // MARK: Device serial

    @Test func devLenZeroIsDeviceID() {
        Self.expectRejected(R.record(kind: 6, body: R.body(dev: [], seq: 1, t: Make.morning, payload: [])), .deviceID)
    }

    @Test func devLen33IsDeviceID() {
        let dev = [UInt8](repeating: UInt8(ascii: "a"), count: 33)
        Self.expectRejected(R.record(kind: 6, body: R.body(dev: dev, seq: 1, t: Make.morning, payload: [])), .deviceID)
    }

    @Test func devLen32IsAccepted() {
        let text = "abcdefghijklmnopqrstuvwxyz_-0123"
        let record = R.record(kind: 6, body: R.body(dev: text, seq: 1, t: Make.morning, payload: []))
        let result = CoreDecode.run(R.header + record)
        #expect(result.readings == [Make.reading(text, 1, Make.morning, .hb)])
    }

    @Test(arguments: [utf8("TAC 1"), utf8("TAC.1"), utf8("TAC/1"), utf8("TÄC"), [0x41, 0x00], utf8("A:"), utf8("@"), utf8("["), utf8("`"), utf8("{")])
    func serialWithACharacterOutsideTheSetIsDeviceID(dev: [UInt8]) {
        Self.expectRejected(R.record(kind: 6, body: R.body(dev: dev, seq: 1, t: Make.morning, payload: [])), .deviceID)
    }

    // MARK: Values

    @Test(arguments: [UInt8(2), 0xFF])
    func rfInRangeThatIsNot0Or1IsType(value: UInt8) {
        Self.expectRejected(R.record(kind: 2, body: R.body(dev: "RF1", seq: 1, t: Make.morning, payload: [value, 0])), .type)
    }

    @Test(arguments: [UInt8(5), 2])
    func strapOkThatIsNot0Or1IsType(value: UInt8) {
        Self.expectRejected(R.record(kind: 3, body: R.body(dev: "S1", seq: 1, t: Make.morning, payload: [value])), .type)
    }

    @Test(arguments: [UInt8(101), 255])
    func battPercentOver100IsType(value: UInt8) {
        Self.expectRejected(R.record(kind: 5, body: R.body(dev: "B1", seq: 1, t: Make.morning, payload: [value])), .type)
    }

    @Test(arguments: 0..<3, [Float.nan, .infinity, -.infinity, Float(bitPattern: 0x7FA0_0001)])
    func tacValueThatIsNotFiniteIsType(position: Int, value: Float) {
        var values: [Float] = [0.02, 2.5, 33]
        values[position] = value
        let payload = values.flatMap { R.littleEndian($0.bitPattern) }
        Self.expectRejected(R.record(kind: 1, body: R.body(dev: "T1", seq: 1, t: Make.morning, payload: payload)), .type)
    }

    @Test(arguments: 0..<3)
    func gpsValueThatIsNotFiniteIsType(position: Int) {
        var lat = 51.5, lon = -0.12
        var acc: Float = 4
        switch position {
        case 0: lat = .nan
        case 1: lon = -.infinity
        default: acc = .infinity
        }
        let payload = R.littleEndian(lat.bitPattern) + R.littleEndian(lon.bitPattern) + R.littleEndian(acc.bitPattern)
        Self.expectRejected(R.record(kind: 7, body: R.body(dev: "G1", seq: 1, t: Make.morning, payload: payload)), .type)
    }

    // MARK: Clock

    /// 2000-01-01T00:00:00Z in milliseconds, from the calendar: 30 years of 365 days and
    /// 7 leap days.
    static let year2000: Int64 = (30 * 365 + 7) * 86_400_000

    static func hb(at time: Int64) -> [UInt8] {
        R.record(kind: 6, body: R.body(dev: "CLK", seq: 1, t: time, payload: []))
    }

    @Test func timeBefore2000IsClockAndTheFirstMillisecondOf2000IsNot() {
        #expect(Self.year2000 == 946_684_800_000)
        Self.expectRejected(Self.hb(at: Self.year2000 - 1), .clock)
        Self.expectRejected(Self.hb(at: 0), .clock)
        Self.expectRejected(Self.hb(at: -1), .clock)
        Self.expectRejected(Self.hb(at: .min), .clock)
        let result = CoreDecode.run(R.header + Self.hb(at: Self.year2000))
        #expect(result.readings.map(\.time) == [Self.year2000])
    }

    @Test func timeMoreThanFiveMinutesPastTheWallClockIsClock() {
        let wallClock = Make.morning
        let fiveMinutes: Int64 = 5 * 60 * 1000
        let bytes = R.header + Self.hb(at: wallClock + fiveMinutes) + Self.hb(at: wallClock + fiveMinutes + 1) + Self.hb(at: .max)
        let result = DecodedStream.decode(bytes, wallClock: wallClock)
        #expect(result.readings.map(\.time) == [wallClock + fiveMinutes])
        #expect(result.rejections.map(\.reason) == [.clock, .clock])
        #expect(result.rejections.map(\.offset) == [8 + Self.hb(at: 0).count, 8 + 2 * Self.hb(at: 0).count])
        // The same stream read by a later wall clock accepts the second record.
        let later = DecodedStream.decode(bytes, wallClock: wallClock + 1)
        #expect(later.readings.map(\.time) == [wallClock + fiveMinutes, wallClock + fiveMinutes + 1])
    }

    // MARK: Precedence (RejectReason: length, type, device-id, clock)

    @Test func lengthComesBeforeEveryOtherReason() {
        let body = R.body(dev: [0x20], devLen: 1, seq: 1, t: 0, payload: [9, 9])   // strap with two payload bytes
        Self.expectRejected(R.record(kind: 3, body: body), .length)
    }

    @Test func typeComesBeforeDeviceIDAndClock() {
        Self.expectRejected(R.record(kind: 5, body: R.body(dev: utf8("a b"), seq: 1, t: 0, payload: [200])), .type)
    }

    @Test func deviceIDComesBeforeClock() {
        Self.expectRejected(R.record(kind: 5, body: R.body(dev: utf8("a b"), seq: 1, t: 0, payload: [20])), .deviceID)
    }

    // MARK: Damaged header

    @Test(arguments: [
        utf8("TWR1") + [2, 0, 0, 0],
        utf8("TWR1") + [1, 1, 0, 0],
        utf8("TWR1") + [1, 0, 0, 9],
        utf8("TWR2") + [1, 0, 0, 0],
        utf8("XWR1") + [1, 0, 0, 0],
        [0, 0, 0, 0, 0, 0, 0, 0],
    ])
    func aStreamDamagedInItsHeaderStillYieldsItsRecords(header: [UInt8]) {
        let readings = Make.oneOfEachKind
        let bytes = header + readings.flatMap(R.record(for:))
        let result = CoreDecode.run(bytes)
        #expect(result.encoding == .twr1)
        #expect(result.readings == readings)
        #expect(result.rejections.map(\.reason) == [.crc])
        #expect(result.rejections.map(\.offset) == [0])
        #expect(result.rejections.map(\.length) == [8])
    }

    @Test func aStreamWithoutAHeaderStillYieldsItsRecords() {
        let readings = Make.oneOfEachKind
        let result = CoreDecode.run(readings.flatMap(R.record(for:)))
        #expect(result.encoding == .twr1)
        #expect(result.readings == readings)
        // No byte is damaged, so no rejection may claim any.
        #expect(result.rejections.allSatisfy { $0.offset == 0 && $0.length == 0 })
    }
}
