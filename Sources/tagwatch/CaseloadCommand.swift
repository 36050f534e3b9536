import ArgumentParser
import Foundation
import TagwatchCaseload

/// `tagwatch caseload`: the caseload document (caseload.md).
struct CaseloadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "caseload",
        abstract: "Load or check caseload documents.",
        subcommands: [LoadCaseloadCommand.self, CheckCaseloadCommand.self]
    )
}

/// `tagwatch caseload check FILE`: reads and checks a caseload document whole, as
/// loading it will, and lists every problem by JSON path. Changes nothing.
struct CheckCaseloadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a caseload document and list every problem by JSON path.",
        discussion: "Exit status: 0 when the document is valid, 3 when it has problems, 1 when it cannot be read."
    )

    @Argument(help: "The caseload document (JSON).")
    var file: String

    func run() throws {
        switch CaseloadReader.read(try CaseloadFile.read(file)) {
        case .success(let caseload):
            print("\(file): valid: \(caseload.officers.count) officers, \(caseload.subjects.count) subjects, \(caseload.orders.count) orders, \(caseload.devices.count) device assignments, \(caseload.absences.count) authorised absences")
        case .failure(let failure):
            print("\(file): \(failure)")
            throw ExitCode(3)
        }
    }
}

enum CaseloadFile {
    static func read(_ file: String) throws -> Data {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw CleanExit.message("error: cannot read \(file): \(error.localizedDescription). Check the path and try again.", code: 1)
        }
    }
}
