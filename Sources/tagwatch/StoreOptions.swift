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

    /// The store at `path`, which must exist: commands that only read or review never
    /// create an empty store for a mistyped path.
    static func openExisting(_ path: String) throws -> Store {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else {
            throw CleanExit.message("error: there is no store at \(path) (check --db; `tagwatch caseload load` or `ingest` create one).", code: 1)
        }
        return try open(path)
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
