@testable import TagwatchCore
import Testing

/// The strict JSON (RFC 8259) of one NDJSON line, seen through `NDJSONDecoder`: what is
/// accepted, what is a `json` rejection. The parser itself is used directly only where a
/// line could not pass the 64 KiB limit.
@Suite struct JSONLineParserTests {
    typealias F = NDJSONFixtures

    static let hb = F.specReading(.hb)
    static let hbLine = F.specLine(.hb)

    /// The hb example line with `member` added before its closing brace.
    static func hbLine(adding member: String) -> String {
        String(hbLine.dropLast()) + "," + member + "}"
    }

    // MARK: Accepted

    @Test func theSpecExamplesDecodeToWhatTheySay() {
        let result = CoreDecode.run(F.stream(F.specLines))
        #expect(result.encoding == .ndjson)
        #expect(result.readings == F.specReadings)
        #expect(result.rejections.isEmpty)
    }

    @Test(arguments: [
        #""extra":1"#,
        #""extra":"text with , and } and \" and \\ and \u00e9 and é""#,
        #""extra":{"a":[1,2,{"b":null}],"c":{},"d":[]}"#,
        #""extra":[[[[[]]]],{"x":{"y":{"z":[true,false,null]}}}]"#,
        #""extra":-0.5e-7"#,
        #""extra":null"#,
        #""nested":{"dev":"IGNORED","seq":"x"}"#,
        #""\ud83d\ude00":"surrogate pair key""#,
        #""":"empty key""#,
    ])
    func unknownFieldsAreIgnoredWhateverTheyHold(member: String) {
        F.expectAccepted(Self.hbLine(adding: member), as: Self.hb)
    }

    @Test func unknownFieldsMayComeFirstAndBetweenKnownOnes() {
        F.expectAccepted(#"{"x":[1],"dev":"HMU-001932","y":{"z":2},"seq":5121,"t":1763799300000,"q":"","k":"hb"}"#, as: Self.hb)
    }

    @Test func whitespaceAroundEveryTokenIsAllowed() {
        let line = " \t{ \"dev\" :\t\"HMU-001932\" , \"seq\" : 5121 ,\"t\": 1763799300000 , \"k\" : \"hb\" , \"x\" : [ 1 , { } ] } \t"
        F.expectAccepted(line, as: Self.hb)
    }

    @Test func aRepeatedKeyKeepsTheLastValue() {
        F.expectAccepted(#"{"dev":"X","seq":1,"t":1,"k":"tac","dev":"HMU-001932","seq":5121,"t":1763799300000,"k":"hb"}"#, as: Self.hb)
        F.expectAccepted(#"{"dev":5,"dev":"HMU-001932","seq":5121,"t":1763799300000,"k":"hb"}"#, as: Self.hb)
        F.expectRejected(#"{"dev":"HMU-001932","seq":5121,"seq":"x","t":1763799300000,"k":"hb"}"#, .type)
    }

    @Test func escapesInStringValuesAreDecoded() {
        var reading = Self.hb
        reading.device = Make.serial("TAC-1")
        F.expectAccepted(#"{"dev":"\u0054AC-1","seq":5121,"t":1763799300000,"k":"hb"}"#, as: reading)
        F.expectAccepted(#"{"dev":"\u0054\u0041\u0043\u002d\u0031","seq":5121,"t":1763799300000,"k":"hb"}"#, as: reading)
        F.expectAccepted(#"{"dev":"TAC-1","seq":5121,"t":1763799300000,"k":"\u0068b"}"#, as: reading)
        F.expectRejected(#"{"dev":"TAC\/1","seq":5121,"t":1763799300000,"k":"hb"}"#, .deviceID)
        F.expectRejected(#"{"dev":"\ud800","seq":5121,"t":1763799300000,"k":"hb"}"#, .deviceID)
    }

    @Test func escapesInKeysAreDecoded() {
        F.expectAccepted(#"{"\u0064ev":"HMU-001932","s\u0065q":5121,"t":1763799300000,"\u006B":"hb"}"#, as: Self.hb)
    }

    @Test func numbersInEveryJSONFormReadAsFloats() throws {
        let line = #"{"dev":"G","seq":1,"t":1763798400000,"k":"gps","lat":5.15072E1,"lon":-1276e-4,"acc":8}"#
        F.expectAccepted(line, as: Make.reading("G", 1, 1_763_798_400_000, .gps(LocationFix(lat: 51.5072, lon: -0.1276, accuracy: 8))))
        let long = #"{"dev":"G","seq":1,"t":1763798400000,"k":"gps","lat":0.1000000000000000055511151231257827,"lon":-0,"acc":1e-46}"#
        let result = CoreDecode.run(F.stream([long]))
        #expect(result.rejections.isEmpty)
        let reading = try #require(result.readings.first)
        guard case .gps(let fix) = reading.payload else {
            Issue.record("expected a gps reading, got \(reading)")
            return
        }
        #expect(fix.lat == 0.1)
        #expect(fix.lon.bitPattern == (-0.0 as Double).bitPattern)
        #expect(fix.accuracy == 0)
    }

    @Test func floatsReadBackToTheNearestValue() {
        let line = #"{"dev":"T","seq":1,"t":1763798400000,"k":"tac","tac":3.4028235e38,"ir":1.4e-45,"temp":-16777217}"#
        F.expectAccepted(line, as: Make.reading("T", 1, 1_763_798_400_000,
                                                .tac(AlcoholSample(tac: .greatestFiniteMagnitude, ir: .leastNonzeroMagnitude, temp: -16_777_216))))
        // Rounded once to the nearest float, not through the nearest double.
        let trap = #"{"dev":"T","seq":1,"t":1763798400000,"k":"tac","tac":7.038531e-26,"ir":0,"temp":0}"#
        F.expectAccepted(trap, as: Make.reading("T", 1, 1_763_798_400_000,
                                                .tac(AlcoholSample(tac: Float("7.038531e-26")!, ir: 0, temp: 0))))
    }

    // MARK: Rejected as json

    @Test(arguments: [
        #"{"dev":"HMU-001932","seq":5121,"t":1763799300000,"k":"hb","x":"\x"}"#,
        #"{"dev":"HMU-001932","seq":5121,"t":1763799300000,"k":"hb","x":"\u12G4"}"#,
        #"{"dev":"HMU-001932","seq":5121,"t":1763799300000,"k":"hb","x":"\u12"}"#,
        #"{"dev":"HMU-001932","seq":5121,"t":1763799300000,"k":"hb","x":"\'"}"#,
        #"{"dev":"\U0041","seq":5121,"t":1763799300000,"k":"hb"}"#,
    ])
    func invalidEscapesAreJSON(line: String) {
        F.expectRejected(line, .json)
    }

    @Test(arguments: [UInt8(0x00), 0x01, 0x09, 0x0D, 0x1F])
    func aControlCharacterInsideAStringIsJSON(byte: UInt8) {
        let line = #"{"dev":"HMU-001932","seq":5121,"t":1763799300000,"k":"hb","x":"a"# + String(UnicodeScalar(byte)) + #"b"}"#
        F.expectRejected(line, .json)
    }

    @Test(arguments: [
        #"{"dev":"HMU-001932","seq":5121,"t":1763799300000,"k":"hb"#,
        #"{"dev":"HMU-001932","seq":5121,"t":1763799300000,"k":"hb","x":"abc}"#,
        #"{"dev":"HMU-001932","seq":5121,"t":1763799300000,"k":"hb","x":"abc\"}"#,
        #"{"dev":"HMU-001932","seq":5121,"t":1763799300000,"k":"hb","x":"\"#,
        #"{"dev"#,
    ])
    func anUnterminatedStringIsJSON(line: String) {
        F.expectRejected(line, .json)
    }

    @Test(arguments: [
        #"{"dev":"HMU-001932","seq":5121,"t":1763799300000,"k":"hb",}"#,
        #"{"dev":"HMU-001932","seq":5121,"t":1763799300000,"k":"hb","x":[1,2,]}"#,
        #"{"dev":"HMU-001932","seq":5121,"t":1763799300000,"k":"hb","x":{"a":1,}}"#,
        #"{"dev":"HMU-001932","seq":5121,"t":1763799300000,"k":"hb","x":[,1]}"#,
        #"{,"dev":"HMU-001932","seq":5121,"t":1763799300000,"k":"hb"}"#,
        #"{"dev":"HMU-001932",,"seq":5121,"t":1763799300000,"k":"hb"}"#,
    ])
    func trailingOrMissingElementsAroundCommasAreJSON(line: String) {
        F.expectRejected(line, .json)
    }

    @Test(arguments: [
        #"{"dev":"HMU-001932","seq":5121,"t":1763799300000,"k":"hb"} x"#,
        #"{"dev":"HMU-001932","seq":5121,"t":1763799300000,"k":"hb"}{}"#,
        #"{"dev":"HMU-001932","seq":5121,"t":1763799300000,"k":"hb"}}"#,
        #"{"dev":"HMU-001932","seq":5121,"t":1763799300000,"k":"hb"},"#,
        #"{"dev":"HMU-001932","seq":5121,"t":1763799300000,"k":"hb"} {"dev":"A","seq":1,"t":1763799300000,"k":"hb"}"#,
    ])
    func textAfterTheObjectIsJSON(line: String) {
        F.expectRejected(line, .json)
    }

    @Test(arguments: ["01", "-", "1.", ".5", "+1", "1e", "1e+", "-01", "0x10", "NaN", "Infinity", "-Infinity", "1_000", "١"])
    func aNumberOutsideTheJSONGrammarIsJSON(number: String) {
        F.expectRejected(#"{"dev":"HMU-001932","seq":\#(number),"t":1763799300000,"k":"hb"}"#, .json)
        F.expectRejected(Self.hbLine(adding: #""x":\#(number)"#), .json)
    }

    @Test(arguments: ["tru", "True", "nul", "falsey", "undefined", "'x'"])
    func aMisspelledLiteralIsJSON(literal: String) {
        F.expectRejected(Self.hbLine(adding: #""x":\#(literal)"#), .json)
    }

    @Test(arguments: [
        #""x":[1}"#, #""x":{"a":1]"#, #""x":[[1]"#, #""x":{"a"}"#, #""x":{"a":}"#, #""x":{1:2}"#, #""x":"#, #""x""#,
    ])
    func malformedContainersAreJSON(member: String) {
        F.expectRejected(Self.hbLine(adding: member), .json)
    }

    @Test(arguments: [[UInt8(0xFF)], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xC0, 0xAF]])
    func invalidUTF8InsideAStringIsJSON(bytes: [UInt8]) {
        let prefix = utf8(#"{"dev":"HMU-001932","seq":5121,"t":1763799300000,"k":"hb","x":"a"#)
        let line = prefix + bytes + utf8(#"b"}"#)
        let stream = F.stream([F.before.line]) + line + [0x0A] + F.stream([F.after.line])
        let result = CoreDecode.run(stream)
        #expect(result.readings == [F.before.reading, F.after.reading])
        #expect(result.rejections.map(\.reason) == [.json])
        #expect(result.rejections.map(\.length) == [line.count])
    }

    @Test func aByteOrderMarkIsJSON() {
        F.expectRejected("\u{FEFF}" + Self.hbLine, .json)
    }

    // MARK: Nesting

    static func nested(_ depth: Int) -> String {
        String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    }

    @Test func nestingUpToTheParsersLimitIsAccepted() {
        F.expectAccepted(Self.hbLine(adding: #""x":\#(Self.nested(JSONLineParser.maximumDepth))"#), as: Self.hb)
        let objects = String(repeating: #"{"a":"#, count: JSONLineParser.maximumDepth) + "1" + String(repeating: "}", count: JSONLineParser.maximumDepth)
        F.expectAccepted(Self.hbLine(adding: #""x":\#(objects)"#), as: Self.hb)
    }

    @Test func nestingPastTheParsersLimitIsJSON() {
        F.expectRejected(Self.hbLine(adding: #""x":\#(Self.nested(JSONLineParser.maximumDepth + 1))"#), .json)
        F.expectRejected(Self.hbLine(adding: #""x":\#(Self.nested(30_000))"#), .json)
    }

    @Test func unclosedDeepNestingIsJSON() {
        F.expectRejected(Self.hbLine(adding: #""x":\#(String(repeating: "[{\"a\":", count: 10_000))"#), .json)
    }

    /// 100 000 levels cannot fit in a 64 KiB line, so the parser is given them directly:
    /// it must refuse them without exhausting the stack.
    @Test func nesting100000LevelsIsRefusedWithoutCrashing() {
        for opening in ["[", #"{"a":"#] {
            let closing = opening == "[" ? "]" : "}"
            let line = utf8(String(Self.hbLine.dropLast()) + #","x":"#
                + String(repeating: opening, count: 100_000) + String(repeating: closing, count: 100_000) + "}")
            #expect(throws: JSONLineParser.Failure.self) {
                var fields = JSONLine()
                _ = try line.withUnsafeBytes { try JSONLineParser.parse($0, into: &fields) }
            }
        }
    }

    /// Through the decoder such a line is over 64 KiB, so it is rejected for its length
    /// before it is parsed; the next line is read as usual.
    @Test func nesting100000LevelsInALineIsRejectedAndTheNextLineDecodes() {
        let line = String(Self.hbLine.dropLast()) + #","x":"# + Self.nested(100_000) + "}"
        let result = CoreDecode.run(F.stream([line, F.after.line]))
        #expect(result.readings == [F.after.reading])
        #expect(result.rejections.map(\.reason) == [.length])
        #expect(result.rejections.map(\.length) == [line.utf8.count])
    }

    // MARK: Blank lines

    @Test(arguments: ["", " ", "\t", "\r", " \t \r"])
    func blankLinesAreIgnored(blank: String) {
        let result = CoreDecode.run(F.stream([F.before.line, blank, blank, F.after.line]))
        #expect(result.readings == [F.before.reading, F.after.reading])
        #expect(result.rejections.isEmpty)
    }
}
