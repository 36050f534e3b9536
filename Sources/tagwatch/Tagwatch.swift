import ArgumentParser
import Foundation

@main
struct Tagwatch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tagwatch",
        abstract: "Reads electronic-monitoring tag streams, raises alerts for people to review.",
        discussion: "The contract is in the project's shared spec (streams.md, alerts.md).",
        subcommands: [IngestCommand.self, CaseloadCommand.self, AlertsCommand.self, AuditCommand.self, PurgeCommand.self, WorkerCommand.self, DemoCommand.self]
    )

    /// Runs the command; a usage error exits 1, as the command-line contract says
    /// (ArgumentParser's own code for it is 64).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(1)
            }
            exit(withError: error)
        }
    }
}
