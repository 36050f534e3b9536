import ArgumentParser
import Foundation
import TagwatchIngest

/// `tagwatch demo`: ingests the samples that ship with the project, so a newcomer sees
/// the main job run (and what a damaged upload looks like) with one command.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Ingest the built-in sample streams and show the report."
    )

    @Option(help: "Folder of sample streams (default: the project's samples/).")
    var samples: String = DemoCommand.defaultSamples

    @Option(help: "Output format: text or json.")
    var format: ReportFormat = .text

    /// The project's `samples/` folder, found from this source file's place in the tree.
    static var defaultSamples: String {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("samples").path
    }

    func run() throws {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: samples)) ?? []
        let streams = names.filter { $0.hasSuffix(".gz") || $0.hasSuffix(".twr1") || $0.hasSuffix(".ndjson") || $0.hasSuffix(".zz") }.sorted()
        guard !streams.isEmpty else {
            throw CleanExit.message("error: no sample streams (*.gz, *.twr1, *.ndjson, *.zz) in \(samples). Pass --samples DIR, or run 'swift run tagwatch-samples --out samples' to make them.", code: 1)
        }
        let paths = streams.map { URL(fileURLWithPath: samples).appendingPathComponent($0).path }
        print("Ingesting \(paths.count) sample streams from \(samples) as one batch:\n")
        let batch = try IngestRun(files: paths).run()
        print(format.render(batch), terminator: "")
        if batch.totals.hasRejections {
            print("\n(`tagwatch ingest` on these files exits 3: the damaged sample is there on purpose, to show that its neighbours' readings are kept.)")
        }
    }
}
