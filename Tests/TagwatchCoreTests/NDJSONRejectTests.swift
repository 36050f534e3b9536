import TagwatchCore
import Testing

/// streams.md §2.2 and §5: every reason an NDJSON line is rejected for, the order
/// `RejectReason` documents when a line has several problems, and that the next line is
/// read as usual.
@Suite struct NDJSONRejectTests {
    typealias F = NDJSONFixtures

    // MARK: json

    @Test(arguments: [
        "not json",
        "[1,2]",
        #""a string""#,
        "42",
        "null",
        "{",
        #"{"dev":"A","seq":1"#,
        "}",
        #"{"dev":"A",}"#,
        #"{"dev" "A"}"#,
        #"{dev:"A"}"#,
        "{'dev':'A'}",
    ])
    func aLineThatIsNotAJSONObjectIsJSON(line: String) {
        F.expectRejected(line, .json)
    }

    // MARK: field

    @Test(arguments: ["dev", "seq", "t", "k"])
    func aMissingCommonFieldIsField(name: String) {
        F.expectRejected(F.replacing(name, in: F.specLine(.batt), with: nil), .field)
    }

    @Test(arguments: ReadingKind.allCases)
    func aMissingPayloadFieldIsField(kind: ReadingKind) {
        let line = F.specLine(kind)
        for member in F.splitMembers(line).dropFirst(4) {
            let name = String(member.dropFirst().prefix { $0 != "\"" })
            F.expectRejected(F.replacing(name, in: line, with: nil), .field)
        }
    }

    @Test func anEmptyObjectIsField() {
        F.expectRejected("{}", .field)
    }

    @Test func aFieldWhoseNameDiffersOnlyInCaseIsNotTheField() {
        F.expectRejected(#"{"Dev":"A","seq":1,"t":1763798400000,"k":"hb"}"#, .field)
    }

    // MARK: type

    /// A value of every JSON type but the expected one, for each field type.
    static let wrongValues: [String: [String]] = [
        "string": ["5", "true", "null", "[]", "{}"],
        "number": [#""1""#, "true", "false", "null", "[1]", #"{"v":1}"#],
        "bool": ["1", "0", #""true""#, "null", "[]"],
    ]

    static let fieldTypes: [String: String] = [
        "dev": "string", "k": "string", "seq": "number", "t": "number",
        "tac": "number", "ir": "number", "temp": "number", "rssi": "number", "pct": "number",
        "lat": "number", "lon": "number", "acc": "number",
        "in": "bool", "ok": "bool", "mains": "bool", "moved": "bool", "open": "bool",
    ]

    @Test(arguments: ReadingKind.allCases)
    func aFieldOfTheWrongJSONTypeIsType(kind: ReadingKind) {
        let line = F.specLine(kind)
        for member in F.splitMembers(line) {
            let name = String(member.dropFirst().prefix { $0 != "\"" })
            for value in Self.wrongValues[Self.fieldTypes[name]!]! {
                F.expectRejected(F.replacing(name, in: line, with: value), .type)
            }
        }
    }

    @Test(arguments: ["-1", "4294967296", "1.0", "1e3", "1E3", "1.5", "-0.0", "99999999999999999999999"])
    func seqThatIsNotAU32IsType(value: String) {
        F.expectRejected(F.replacing("seq", in: F.specLine(.hb), with: value), .type)
    }

    @Test(arguments: ["0", "4294967295"])
    func seqAtTheEndsOfU32IsAccepted(value: String) {
        var reading = F.specReading(.hb)
        reading.seq = UInt32(value)!
        F.expectAccepted(F.replacing("seq", in: F.specLine(.hb), with: value), as: reading)
    }

    @Test(arguments: ["9223372036854775808", "-9223372036854775809", "1.7637984e12", "1763798400000.0"])
    func tThatIsNotAnI64IsType(value: String) {
        F.expectRejected(F.replacing("t", in: F.specLine(.hb), with: value), .type)
    }

    @Test(arguments: ["101", "-1", "255", "71.0", "7e1"])
    func pctOutsideZeroToHundredIsType(value: String) {
        F.expectRejected(F.replacing("pct", in: F.specLine(.batt), with: value), .type)
    }

    @Test(arguments: ["200", "128", "-129", "-97.5"])
    func rssiThatIsNotAnI8IsType(value: String) {
        F.expectRejected(F.replacing("rssi", in: F.specLine(.rf), with: value), .type)
    }

    @Test(arguments: [("-128", Int8.min), ("127", Int8.max), ("0", 0)])
    func rssiAtTheEndsOfI8IsAccepted(value: String, rssi: Int8) {
        F.expectAccepted(F.replacing("rssi", in: F.specLine(.rf), with: value),
                         as: Make.reading("RF-001932", 88121, 1_763_798_460_000, .rf(inRange: false, rssi: rssi)))
    }

    @Test func tacGivenAsAStringIsType() {
        F.expectRejected(F.replacing("tac", in: F.specLine(.tac), with: #""0.031""#), .type)
    }

    @Test(arguments: ["true", "null"])
    func aBooleanOrNullForANumberIsType(value: String) {
        for name in ["seq", "t", "lat", "lon", "acc"] {
            F.expectRejected(F.replacing(name, in: F.specLine(.gps), with: value), .type)
        }
    }

    @Test(arguments: [("lat", "1e400"), ("lon", "-1e309"), ("acc", "1e39"), ("tac", "-3.5e38"), ("temp", "1e300")])
    func aNumberBeyondItsFloatTypeIsType(name: String, value: String) {
        let kind: ReadingKind = ["lat", "lon", "acc"].contains(name) ? .gps : .tac
        F.expectRejected(F.replacing(name, in: F.specLine(kind), with: value), .type)
    }

    // MARK: kind

    @Test(arguments: [#""temp""#, #""TAC""#, #""""#, #""tac ""#, #""gps2""#])
    func aKNamingNoKindIsKind(value: String) {
        F.expectRejected(F.replacing("k", in: F.specLine(.hb), with: value), .kind)
    }

    // MARK: device-id

    @Test(arguments: [#""""#, #""\#(String(repeating: "A", count: 33))""#, #""A B""#, #""A.B""#, #""TÄC""#, #""A\nB""#, #""A\u0000""#])
    func aSerialOutsideTheContractIsDeviceID(value: String) {
        F.expectRejected(F.replacing("dev", in: F.specLine(.hb), with: value), .deviceID)
    }

    // MARK: clock

    @Test(arguments: ["0", "-1", "946684799999", "-9223372036854775808"])
    func aTimeBefore2000IsClock(value: String) {
        F.expectRejected(F.replacing("t", in: F.specLine(.hb), with: value), .clock)
    }

    @Test func aTimeMoreThanFiveMinutesPastTheWallClockIsClock() {
        let wallClock = Make.morning
        let line = F.replacing("t", in: F.specLine(.hb), with: String(wallClock + 300_001))
        F.expectRejected(line, .clock, wallClock: wallClock)
        let edge = F.replacing("t", in: F.specLine(.hb), with: String(wallClock + 300_000))
        let result = CoreDecode.run(F.stream([edge]), wallClock: wallClock)
        #expect(result.readings.map(\.time) == [wallClock + 300_000])
        #expect(result.rejections.isEmpty)
    }

    // MARK: Precedence: json, field, type, kind, device-id, clock

    @Test func jsonComesFirst() {
        F.expectRejected(#"{"seq":"x","k":"nope","t":0,"dev":"a b""#, .json)
    }

    @Test func aMissingFieldComesBeforeAWrongType() {
        // dev has the wrong type, seq is missing.
        F.expectRejected(#"{"dev":5,"t":1763798400000,"k":"hb"}"#, .field)
        // seq has the wrong type, the payload field pct is missing.
        F.expectRejected(#"{"dev":"A","seq":"1","t":1763798400000,"k":"batt"}"#, .field)
        // A payload field has the wrong type, another is missing.
        F.expectRejected(#"{"dev":"A","seq":1,"t":1763798400000,"k":"tac","tac":"x","ir":1}"#, .field)
        // k has the wrong type, t is missing.
        F.expectRejected(#"{"dev":"A","seq":1,"k":7}"#, .field)
    }

    @Test func aWrongTypeComesBeforeAnUnknownKind() {
        F.expectRejected(#"{"dev":"A","seq":-1,"t":1763798400000,"k":"nope"}"#, .type)
        F.expectRejected(#"{"dev":"A","seq":1,"t":1763798400000,"k":5}"#, .type)
    }

    @Test func aMissingCommonFieldComesBeforeAnUnknownKind() {
        F.expectRejected(#"{"dev":"A","t":1763798400000,"k":"nope"}"#, .field)
    }

    @Test func anUnknownKindComesBeforeTheSerialAndTheClock() {
        F.expectRejected(#"{"dev":"a b","seq":1,"t":0,"k":"nope"}"#, .kind)
    }

    @Test func aWrongTypeComesBeforeTheSerialAndTheClock() {
        F.expectRejected(#"{"dev":"a b","seq":1,"t":0,"k":"batt","pct":101}"#, .type)
    }

    @Test func theSerialComesBeforeTheClock() {
        F.expectRejected(#"{"dev":"a b","seq":1,"t":0,"k":"batt","pct":10}"#, .deviceID)
    }

    // MARK: Reading on

    @Test func everyKindOfRejectionLeavesTheNextLinesAlone() {
        let bad = [
            "nonsense", #"{"dev":"A"}"#, #"{"dev":1,"seq":1,"t":1763798400000,"k":"hb"}"#,
            #"{"dev":"A","seq":1,"t":1763798400000,"k":"x"}"#, #"{"dev":"","seq":1,"t":1763798400000,"k":"hb"}"#,
            #"{"dev":"A","seq":1,"t":5,"k":"hb"}"#,
        ]
        var lines: [String] = []
        for (index, line) in bad.enumerated() {
            lines.append(line)
            lines.append(F.specLines[index])
        }
        let result = CoreDecode.run(F.stream(lines))
        #expect(result.readings == Array(F.specReadings.prefix(bad.count)))
        #expect(result.rejections.map(\.reason) == [.json, .field, .type, .kind, .deviceID, .clock])
        var offset = 0
        var expectedOffsets: [Int] = []
        for line in lines {
            expectedOffsets.append(offset)
            offset += line.utf8.count + 1
        }
        #expect(result.rejections.map(\.offset) == stride(from: 0, to: lines.count, by: 2).map { expectedOffsets[$0] })
        #expect(result.offsets == stride(from: 1, to: lines.count, by: 2).map { expectedOffsets[$0] })
    }
}
