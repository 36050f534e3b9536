import ArgumentParser
import Foundation
import TagwatchStore

/// `tagwatch alerts ack ID --by USER`: "I have it" (open → acknowledged).
struct AcknowledgeAlert: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ack", abstract: "Acknowledge an open alert: you have it.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The alert's id.") var id: Int64
    @Option(help: "Your operator or officer id.") var by: String
    @Option(help: "Output format: text or json.") var format: ReviewFormat = .text

    func run() throws {
        try Review.perform(.acknowledge, on: id, by: by, store: store, format: format)
    }
}

/// `tagwatch alerts note ID --by USER --text T`: free text on the alert.
struct NoteAlert: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "note", abstract: "Add a note to an alert.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The alert's id.") var id: Int64
    @Option(help: "Your operator or officer id.") var by: String
    @Option(help: "The note.") var text: String
    @Option(help: "Output format: text or json.") var format: ReviewFormat = .text

    func run() throws {
        try Review.perform(.note(text), on: id, by: by, store: store, format: format)
    }
}

/// `tagwatch alerts resolve ID --by USER --outcome O --note T`: only people resolve.
struct ResolveAlert: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve", abstract: "Resolve an alert with an outcome and a note (both required).")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The alert's id.") var id: Int64
    @Option(help: "Your operator or officer id.") var by: String
    @Option(help: "no_violation, contact_made, equipment_fault, referred_to_officer or breach_action.")
    var outcome: ResolutionOutcome
    @Option(help: "What was done or found.") var note: String
    @Option(help: "Output format: text or json.") var format: ReviewFormat = .text

    func run() throws {
        try Review.perform(.resolve(outcome, note: note), on: id, by: by, store: store, format: format)
    }
}

extension ResolutionOutcome: ExpressibleByArgument {}

enum ReviewFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

/// The review commands' common run: act, then print the alert as it now stands.
enum Review {
    static func perform(_ action: ReviewAction, on id: Int64, by person: String, store options: StoreOptions, format: ReviewFormat) throws {
        let alert: StoredAlert
        do {
            let store = try StoreOptions.openExisting(options.path)
            alert = try store.review(alert: id, by: person, action, at: Int64(Date().timeIntervalSince1970 * 1000))
        } catch let error as StoreError {
            throw CleanExit.message("error: \(error.description).", code: 1)
        }
        switch format {
        case .json: print(AlertJSON.text(alert))
        case .text: print("alert \(alert.id) (\(alert.type), \(alert.subject ?? "no subject")) is \(alert.status); \(action.pastTense) by \(person.trimmingCharacters(in: .whitespacesAndNewlines)).")
        }
    }
}

extension ReviewAction {
    var pastTense: String {
        switch self {
        case .acknowledge: "acknowledged"
        case .note: "note added"
        case .resolve(let outcome, _): "resolved as \(outcome.rawValue)"
        }
    }
}
