@testable import TagwatchWorker
import Testing

/// Wrapping at 78 columns and figures rounded half up on their decimal value.
@Suite struct PlainTextTests {
    @Test func paragraphsWrapAtWordsWithinSeventyEightColumns() {
        var text = PlainText()
        let words = (1...40).map { "word\($0)" }
        text.paragraph(words.joined(separator: " "), indent: 2, hanging: 2)
        #expect(text.lines.allSatisfy { $0.count <= 78 })
        #expect(text.lines.first!.hasPrefix("  word1 "))
        #expect(text.lines.dropFirst().allSatisfy { $0.hasPrefix("    word") })
        #expect(text.lines.joined(separator: " ").split(separator: " ").map(String.init) == words)
    }

    @Test func aWordLongerThanALineIsCut() {
        var text = PlainText()
        let long = String(repeating: "x", count: 200)
        text.paragraph("error: " + long)
        #expect(text.lines == ["error:", String(repeating: "x", count: 78), String(repeating: "x", count: 78), String(repeating: "x", count: 44)])
    }

    @Test(arguments: [
        (0.1064, 3, "0.106"), (0.1065, 3, "0.107"), (0.0875, 3, "0.088"), (2.0, 3, "2.000"), (95.65, 1, "95.7"),
        (-0.0004, 3, "0.000"), (-1.25, 1, "-1.3"), (4.5, 0, "5"), (0.06, 3, "0.060"),
    ] as [(Double, Int, String)])
    func figuresRoundHalfUpOnTheirDecimalValue(value: Double, places: Int, expected: String) {
        #expect(Figure.fixed(value, places: places) == expected)
    }

    @Test func minutesShowAsHours() {
        #expect(Figure.hours(minutes: 90) == "1.5 h")
        #expect(Figure.hours(minutes: 1975) == "32.9 h")
        #expect(Figure.hours(minutes: 3) == "0.1 h")
    }
}
