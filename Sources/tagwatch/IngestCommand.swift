import ArgumentParser
import Foundation
import TagwatchIngest

/// `tagwatch ingest [--format text|json] FILE...` (alerts.md, command-line contract).
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Ingest streams as one batch and report what was accepted and rejected.",
        discussion: """
            Exit status: 0 when everything was read; 3 when some records or bytes were \
            rejected (the rest is ingested); 1 on a usage or fatal error.
            """
    )

    @Option(help: "Output format: text or json.")
    var format: ReportFormat = .text

    @Argument(help: "Stream files; '-' reads standard input.")
    var files: [String]

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("Give at least one stream file, or '-' for standard input.") }
        guard files.filter({ $0 == "-" }).count <= 1 else {
            throw ValidationError("Standard input ('-') can be read only once in a batch.")
        }
    }

    func run() throws {
        let reports = try IngestRun(files: files).run()
        print(format.render(reports), terminator: "")
        if reports.totals.hasRejections { throw ExitCode(3) }
    }
}

/// Checks every input first, so a missing file stops the batch before anything is read;
/// then opens and reads them one at a time (a batch may hold more files than a process
/// may keep open).
struct IngestRun {
    var files: [String]

    func run() throws -> BatchIngest {
        do {
            for name in files { try ByteSource.check(name: name) }
        } catch {
            throw CleanExit.message("error: \(error.description). Nothing was ingested; check the path and try again.", code: 1)
        }
        var batch = BatchIngest(wallClock: Int64(Date().timeIntervalSince1970 * 1000))
        for name in files {
            do {
                try batch.ingest(ByteSource(name: name))
            } catch {
                throw CleanExit.message("error: \(error.description). The batch stopped there; run it again once the file can be read.", code: 1)
            }
        }
        return batch
    }
}

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json

    func render(_ batch: BatchIngest) -> String {
        switch self {
        case .text: IngestTextReport(batch: batch).render()
        case .json: IngestJSONReport(batch: batch).render()
        }
    }
}

/// A fatal message for standard error with an exit code.
enum CleanExit {
    static func message(_ text: String, code: Int32) -> ExitCode {
        FileHandle.standardError.write(Data((text + "\n").utf8))
        return ExitCode(code)
    }
}
