import TagwatchCore
import TagwatchTesting
import Testing

/// streams.md §2: the encoding is recognised from a stream's first bytes — `TWR1` by its
/// magic, NDJSON by `{` as the first non-blank byte — and damage at the start must not
/// cost a binary stream.
@Suite struct RecordEncodingTests {
    typealias R = ReferenceTWR1

    static func recognise(_ bytes: [UInt8], isComplete: Bool) -> RecordEncoding? {
        bytes.withUnsafeBytes { RecordEncoding.recognise($0, isComplete: isComplete) }
    }

    @Test(arguments: [true, false])
    func theMagicIsTWR1(isComplete: Bool) {
        #expect(Self.recognise(utf8("TWR1"), isComplete: isComplete) == .twr1)
        #expect(Self.recognise(R.header, isComplete: isComplete) == .twr1)
        #expect(Self.recognise(utf8("TWR1") + [7, 7, 7, 7] + utf8("{}"), isComplete: isComplete) == .twr1)
    }

    @Test func aPartOfTheMagicWaitsForMoreBytes() {
        for count in 0..<4 {
            #expect(Self.recognise(Array(utf8("TWR1").prefix(count)), isComplete: false) == nil, "\(count) bytes")
        }
    }

    @Test(arguments: ["{", " {", "\n\r\n\t {\"dev\"", "\r\n{}", "{\"dev\":\"A\"}\n"])
    func aBraceAfterBlanksIsNDJSON(text: String) {
        #expect(Self.recognise(utf8(text), isComplete: false) == .ndjson)
        #expect(Self.recognise(utf8(text), isComplete: true) == .ndjson)
    }

    @Test func anEmptyStreamWaitsAndIsNDJSONWhenComplete() {
        #expect(Self.recognise([], isComplete: false) == nil)
        #expect(Self.recognise([], isComplete: true) == .ndjson)
    }

    @Test(arguments: ["hello world\n", "x", "TW", "twr1", "[1,2]\n", "\u{FEFF}{\"dev\":\"A\"}", " \n x {"])
    func garbageTextIsNDJSONWhenComplete(text: String) {
        #expect(Self.recognise(utf8(text), isComplete: true) == .ndjson)
    }

    @Test func garbageTextWaitsUntilTheSniffLengthThenIsNDJSON() {
        let text = [UInt8](repeating: UInt8(ascii: "g"), count: RecordEncoding.sniffLength)
        #expect(Self.recognise(Array(text.dropLast()), isComplete: false) == nil)
        #expect(Self.recognise(text, isComplete: false) == .ndjson)
    }

    /// `sniffLength` is the most a recogniser may want: given that many bytes it decides,
    /// whatever they are.
    @Test(arguments: [UInt8(ascii: " "), UInt8(ascii: "\n"), 0x00, 0xA7, UInt8(ascii: "T")])
    func sniffLengthBytesOfAnythingAreEnoughToDecide(byte: UInt8) {
        let bytes = [UInt8](repeating: byte, count: RecordEncoding.sniffLength)
        #expect(Self.recognise(bytes, isComplete: false) != nil)
    }

    @Test func aStreamOfBlanksBeforeItsFirstLineIsDecodedWithoutWaitingForTheEnd() {
        var decoder = ReadingDecoder(limits: ReadingLimits(wallClock: CoreDecode.farFuture))
        var batch = DecodedBatch()
        let blanks = [UInt8](repeating: UInt8(ascii: "\n"), count: 4096)
        for _ in 0..<(2 * RecordEncoding.sniffLength / blanks.count) {
            blanks.withUnsafeBytes { decoder.feed($0, into: &batch) }
        }
        #expect(decoder.encoding == .ndjson)
        utf8(NDJSONFixtures.specLines[0] + "\n").withUnsafeBytes { decoder.feed($0, into: &batch) }
        decoder.finish(into: &batch)
        #expect(batch.readings == [NDJSONFixtures.specReadings[0]])
        #expect(batch.rejections.isEmpty)
    }

    @Test(arguments: [
        [0x00, 0x00, 0x00, 0x00, 1, 0, 0, 0],
        utf8("XWR1") + [1, 0, 0, 0],
        utf8("TWR"),
        [],
        utf8("\n\n"),
    ])
    func aDamagedMagicWithValidRecordsAfterIsTWR1(header: [UInt8]) {
        let bytes = header + Make.oneOfEachKind.flatMap(R.record(for:))
        #expect(Self.recognise(bytes, isComplete: true) == .twr1)
        #expect(CoreDecode.run(bytes).readings == Make.oneOfEachKind)
    }

    @Test func aDamagedMagicIsTWR1OnceTheSniffLengthHoldsAValidRecord() {
        let bytes = [0x00, 0x00] + Array(R.stream(Array(repeating: Make.oneOfEachKind[0], count: 3000)).dropFirst(2))
        #expect(bytes.count > RecordEncoding.sniffLength)
        #expect(Self.recognise(Array(bytes.prefix(RecordEncoding.sniffLength - 1)), isComplete: false) == nil)
        #expect(Self.recognise(Array(bytes.prefix(RecordEncoding.sniffLength)), isComplete: false) == .twr1)
    }

    /// A record that validates but is rejected for its content still shows the stream is
    /// binary; so does a record of an unknown kind.
    @Test func aRejectedOrUnknownRecordAlsoShowsTheStreamIsBinary() {
        let clock = R.record(kind: 6, body: R.body(dev: "A", seq: 1, t: 0, payload: []))
        let unknown = R.record(kind: 99, body: [1, 2, 3])
        #expect(Self.recognise([0x01] + clock, isComplete: true) == .twr1)
        #expect(Self.recognise([0x01] + unknown, isComplete: true) == .twr1)
    }

    /// Checksum damage alone is no evidence: random bytes are read as NDJSON lines.
    @Test func bytesWithoutAnyValidRecordAreNDJSON() {
        let broken = R.record(kind: 6, body: R.body(dev: "A", seq: 1, t: Make.morning, payload: []), crc: 0)
        #expect(Self.recognise([0x01] + broken, isComplete: true) == .ndjson)
    }

    @Test func theDecoderReportsTheEncodingItRecognised() {
        #expect(CoreDecode.run(R.stream(Make.oneOfEachKind)).encoding == .twr1)
        #expect(CoreDecode.run(NDJSONFixtures.stream(NDJSONFixtures.specLines)).encoding == .ndjson)
        #expect(CoreDecode.run(utf8("nonsense")).encoding == .ndjson)
        #expect(CoreDecode.run([]).encoding == nil)
    }
}
