import ArgumentParser

@main
struct Tagwatch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tagwatch",
        abstract: "Reads electronic-monitoring tag streams and reports what arrived.",
        discussion: "The contract is in the project's shared spec (streams.md, alerts.md).",
        subcommands: [IngestCommand.self, DemoCommand.self]
    )
}
