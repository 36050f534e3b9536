import Foundation
import TagwatchWorker
import Testing

/// The context prompts are made in, and the checks every prompt must pass.
extension Fixture {
    static let context = PromptContext(centre: centre, officers: [officer], subjects: [doe, nameless])

    /// The text with its lines joined by single spaces, so a figure wrapped across two
    /// lines is still found whole.
    static func flat(_ prompt: Prompt) -> String {
        prompt.text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    static let decidesNothing = "Tagwatch records no breach; what happens next is your decision."

    /// Words of a verdict, which a prompt never uses (it describes readings).
    static let verdictWords = [
        "violat", "breached", "in breach", "guilty", "caught", "offence", "offender", "drunk",
        "intoxicated", "tampered", "cheat", "abscond", "non-compliant", "noncompliant", "failed to comply",
    ]

    /// What every prompt about an alert holds: the command to see it, a suggestion, the
    /// reminder that the system decides nothing, no verdict, lines of 78 characters at most.
    static func expectCommon(_ prompt: Prompt, id: Int64, sourceLocation: SourceLocation = #_sourceLocation) {
        let lines = prompt.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.contains { $0.trimmingCharacters(in: .whitespaces) == "tagwatch alerts show \(id)" },
                "no `alerts show \(id)` hint", sourceLocation: sourceLocation)
        #expect(prompt.text.contains("You may want to") || prompt.text.contains("Consider"),
                "no suggestion", sourceLocation: sourceLocation)
        #expect(lines.contains { $0 == decidesNothing }, "no decides-nothing line", sourceLocation: sourceLocation)
        for line in lines where line.count > 78 {
            Issue.record("line of \(line.count) characters: \(line)", sourceLocation: sourceLocation)
        }
        let lower = (prompt.subject + "\n" + prompt.text).lowercased()
        for word in verdictWords where lower.contains(word) {
            Issue.record("verdict word \"\(word)\" in:\n\(prompt.subject)\n\(prompt.text)", sourceLocation: sourceLocation)
        }
    }
}
