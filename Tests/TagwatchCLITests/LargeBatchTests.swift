import Foundation
import TagwatchCore
import TagwatchTesting
import Testing

/// A batch may hold more files than the process may keep open at once.
@Suite struct LargeBatchTests {
    @Test func moreFilesThanOpenDescriptorsAreIngestedOneAfterAnother() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tagwatch-many-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let reading = SampleReadings.oneOfEachKind[1]
        var paths: [String] = []
        for index in 0..<300 {
            var copy = reading
            copy.seq = UInt32(index)
            let path = folder.appendingPathComponent("u\(index).ndjson").path
            try Data(StreamBuilder.ndjson([copy])).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        let store = folder.appendingPathComponent("store.sqlite").path
        let command = "ulimit -n 128 && exec \"$0\" ingest --db \"$1\" --format json \"${@:2}\""
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", command, TagwatchProcess.executable.path, store] + paths
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect((document["totals"] as? [String: Any])?["accepted"] as? Int == 300)
    }
}
