import ArgumentParser
import Foundation
import TagwatchStore

/// `tagwatch audit verify`: checks the audit chain (alerts.md). Exit 0 when intact, 2
/// when broken (each break named), 1 on an error.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Check the audit log.", subcommands: [VerifyAudit.self])
}

struct VerifyAudit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check that no audit entry was changed, inserted or deleted.",
        discussion: "Exit status: 0 when the chain is intact; 2 when it is broken; 1 on an error.")

    @OptionGroup var store: StoreOptions

    func run() throws {
        let verification: AuditVerification
        do {
            verification = try StoreOptions.openExisting(store.path).verifyAudit()
        } catch let error as StoreError {
            throw CleanExit.message("error: \(error.description).", code: 1)
        }
        switch verification {
        case .intact(let entries, let head):
            print("audit log intact: \(entries) entries, last hash \(head)")
        case .broken(let problems):
            print("audit log BROKEN: \(problems.count) problem\(problems.count == 1 ? "" : "s")")
            for problem in problems { print("  \(problem)") }
            print("The log no longer proves what was done; keep this store as it is and report it.")
            throw ExitCode(2)
        }
    }
}
