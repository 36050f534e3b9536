import ArgumentParser
import Foundation
import TagwatchCaseload
import TagwatchStore

/// `--db PATH`, which every command takes (alerts.md, command-line contract).
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "The store (SQLite); created if missing.")
    var path: String = "./tagwatch.sqlite"

    func open() throws -> Store {
        try Self.open(path)
    }

    static func open(_ path: String) throws -> Store {
        do {
            return try Store(path: path)
        } catch {
            throw CleanExit.message("error: \(error.description).", code: 1)
        }
    }
}

/// An RFC 3339 instant on the command line (`2026-11-22T19:05:00Z`).
struct InstantArgument: ExpressibleByArgument {
    var milliseconds: Int64

    init?(argument: String) {
        guard let milliseconds = Instant.milliseconds(rfc3339: argument) else { return nil }
        self.milliseconds = milliseconds
    }
}
