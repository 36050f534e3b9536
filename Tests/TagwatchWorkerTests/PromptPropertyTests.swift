import PropertyBased
import TagwatchStore
import TagwatchWorker
import Testing

/// Every alert type with random figures, names, devices, zones and events: the prompt
/// shows the figures (formatted here from their integers, independently of the code),
/// the command to see the alert, a suggestion and the decides-nothing line, never a
/// verdict, and no line longer than 78 characters.
@Suite struct PromptPropertyTests {
    @Test func everyTypeWithRandomFiguresReadsAsAPrompt() async {
        await propertyCheck(count: 1500, input: Generator(run: { rng in RandomPrompt.make(&rng) })) { sample in
            let prompt = Prompt(event: sample.event, alert: sample.alert, context: sample.context)
            Fixture.expectCommon(prompt, id: sample.alert.id)
            #expect(prompt.subject.hasPrefix("[\(sample.alert.severity)"))
            let text = Fixture.flat(prompt)
            for figure in sample.expected {
                #expect(text.contains(figure), "missing: \(figure)\n\(prompt.text)")
            }
        }
    }

    @Test func everyKindIsGenerated() {
        var rng = SystemRandomNumberGenerator()
        let seen = Set((0..<2000).map { _ in
            let sample = RandomPrompt.make(&rng)
            return sample.alert.type + (sample.alert.detailValue("classification") ?? sample.alert.detailValue("pattern") ?? "")
        })
        #expect(seen.count == RandomPrompt.kinds.count)
    }
}

private extension StoredAlert {
    func detailValue(_ key: String) -> String? {
        details[key].map { "/" + $0.text }
    }
}
