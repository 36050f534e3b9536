import TagwatchCore
import Testing

/// streams.md §2.2: "One JSON object per line (`\n` or `\r\n`), blank lines ignored."
@Suite struct NDJSONLineEndingTests {
    typealias F = NDJSONFixtures

    /// Offsets of the lines of `lines` joined with `terminator`.
    static func lineOffsets(_ lines: [String], terminator: String) -> [Int] {
        var offsets: [Int] = []
        var position = 0
        for line in lines {
            offsets.append(position)
            position += line.utf8.count + terminator.utf8.count
        }
        return offsets
    }

    @Test(arguments: ["\n", "\r\n"])
    func linesEndInLFOrCRLF(terminator: String) {
        let result = CoreDecode.run(F.stream(F.specLines, terminator: terminator))
        #expect(result.readings == F.specReadings)
        #expect(result.offsets == Self.lineOffsets(F.specLines, terminator: terminator))
        #expect(result.rejections.isEmpty)
    }

    @Test func lfAndCRLFMayBeMixed() {
        var bytes: [UInt8] = []
        for (index, line) in F.specLines.enumerated() {
            bytes += utf8(line + (index.isMultiple(of: 2) ? "\r\n" : "\n"))
        }
        let result = CoreDecode.run(bytes)
        #expect(result.readings == F.specReadings)
        #expect(result.rejections.isEmpty)
    }

    @Test func aRejectedCRLFLineIsReportedWithoutItsLineEnd() {
        let lines = [F.before.line, "not json", F.after.line]
        let result = CoreDecode.run(F.stream(lines, terminator: "\r\n"))
        #expect(result.readings == [F.before.reading, F.after.reading])
        #expect(result.rejections.map(\.offset) == [F.before.line.utf8.count + 2])
        #expect(result.rejections.map(\.length) == [8])
    }

    @Test func blankLinesAnywhereAreIgnored() {
        let bytes = utf8("\n\r\n  \n" + F.specLines[0] + "\n\n\t\r\n" + F.specLines[1] + "\n \n\n")
        let result = CoreDecode.run(bytes)
        #expect(result.encoding == .ndjson)
        #expect(result.readings == Array(F.specReadings.prefix(2)))
        #expect(result.offsets == [6, 6 + F.specLines[0].utf8.count + 5])
        #expect(result.rejections.isEmpty)
    }

    @Test(arguments: [nil, 1, 7])
    func theLastLineNeedsNoNewline(chunkSize: Int?) {
        let bytes = utf8(F.specLines.joined(separator: "\n"))
        let result = CoreDecode.run(bytes, chunkSize: chunkSize)
        #expect(result.readings == F.specReadings)
        #expect(result.rejections.isEmpty)
    }

    @Test func aRejectedLastLineWithoutNewlineIsReported() {
        let bytes = utf8(F.before.line + "\n" + #"{"dev":"A""#)
        let result = CoreDecode.run(bytes)
        #expect(result.readings == [F.before.reading])
        #expect(result.rejections.map(\.reason) == [.json])
        #expect(result.rejections.map(\.offset) == [F.before.line.utf8.count + 1])
        #expect(result.rejections.map(\.length) == [10])
    }

    @Test func anEmptyStreamHasNoReadingsAndNoRejections() {
        let result = CoreDecode.run([])
        #expect(result.readings.isEmpty)
        #expect(result.rejections.isEmpty)
    }

    @Test func aStreamOfBlankLinesHasNoReadingsAndNoRejections() {
        let result = CoreDecode.run(utf8("\n\n \r\n\t\n"))
        #expect(result.readings.isEmpty)
        #expect(result.rejections.isEmpty)
    }

    @Test func aLoneCRInsideALineIsNotALineEnd() {
        // JSON allows CR as whitespace between tokens; it does not end the line.
        let line = #"{"dev":"HMU-001932",\#r"seq":5121,"t":1763799300000,"k":"hb"}"#
        F.expectAccepted(line, as: F.specReading(.hb))
    }
}
