import TagwatchRules

/// What a prompt says about one alert type, in the order alerts.md asks for: what
/// happened, how sure the system is, and a suggested next step, never a verdict.
/// ``Prompt`` adds the times, the evidence and the closing reminder around it.
struct Narrative {
    /// The type in words, for the subject line (`Curfew absence`).
    var title: String
    /// Who and when, after the title in the subject line.
    var about: String
    var happened: [String]
    var sureHeading = "How sure"
    var sure: [String]
    /// Starts with "You may want to" or "Consider": a suggestion, not an instruction.
    var suggestion: String
    /// Whether the alert stands on readings (an episode with a device, `seq` numbers and
    /// kept streams) rather than on the worker's own records.
    var fromReadings = true
    /// Another alert the prompt is about (the one a failed delivery concerned).
    var related: Int64?
    var closing = [Narrative.decidesNothing]

    static let decidesNothing = "Tagwatch records no breach; what happens next is your decision."

    init(title: String, about: String, happened: [String], sure: [String], suggestion: String) {
        self.title = title
        self.about = about
        self.happened = happened
        self.sure = sure
        self.suggestion = suggestion
    }

    init(_ facts: PromptFacts) {
        if let type = AlertType(rawValue: facts.alert.type) {
            self = switch type {
            case .alcoholDrinking: .drinking(facts)
            case .tamperRemoval, .tamperObstruction: .offSkin(facts, removal: type == .tamperRemoval)
            case .tamperStrap: .strap(facts)
            case .curfewAbsence: .absence(facts)
            case .hmuMoved: .moved(facts)
            case .hmuCaseOpen: .caseOpen(facts)
            case .hmuPowerLoss: .powerLoss(facts)
            case .batteryLow: .batteryLow(facts)
            case .noContact: .noContact(facts)
            case .dataGap: .dataGap(facts)
            case .unassigned: .unassigned(facts)
            }
        } else if let type = WorkerAlertType(rawValue: facts.alert.type) {
            self = switch type {
            case .orderEnding, .orderEnded: .transition(facts, ended: type == .orderEnded)
            case .deliveryFailed: .deliveryFailure(facts)
            }
        } else {
            self = .unknown(facts)
        }
    }

    /// A type this version does not know (a newer worker's or rules'): its figures as
    /// recorded, so it still reaches a person.
    static func unknown(_ facts: PromptFacts) -> Narrative {
        let figures = facts.alert.details.keys.sorted().map { "\($0) \(facts.alert.details[$0]!.text)" }
        return Narrative(
            title: facts.alert.type, about: facts.about,
            happened: ["Alert of type \(facts.alert.type) from \(facts.alert.deviceName)"
                + (figures.isEmpty ? "." : ": " + figures.joined(separator: ", ") + ".")],
            sure: ["This version of Tagwatch has no description of this type; the figures are shown as recorded."],
            suggestion: "You may want to look at the alert and its readings with the command below.")
    }
}
