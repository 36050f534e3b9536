import Foundation
import Testing

/// `tagwatch alerts` over the shipped samples: the formats and the status filter.
@Suite struct AlertsCommandTests {
    static func ingestedSamples() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tagwatch-alerts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = folder.appendingPathComponent("store.sqlite").path
        let samples = CaseloadCommandTests.samples
        _ = try TagwatchProcess.run(["caseload", "load", "--db", store, samples.appendingPathComponent("caseload.json").path])
        for day in 1...3 {
            let result = try TagwatchProcess.run(["ingest", "--db", store, samples.appendingPathComponent("day-\(day).gz").path])
            #expect(result.status == 0)
        }
        return store
    }

    @Test func jsonNdjsonAndTableListTheSameAlertsNewestFirst() throws {
        let store = try Self.ingestedSamples()
        let expected = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: CaseloadCommandTests.samples.appendingPathComponent("expected-alerts.json"))) as? [Any])
        let json = try TagwatchProcess.run(["alerts", "--db", store, "--format", "json"])
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]])
        #expect(array.count == expected.count)
        let raisedAt = array.compactMap { $0["raisedAt"] as? String }
        #expect(raisedAt == raisedAt.sorted(by: >))
        let ndjson = try TagwatchProcess.run(["alerts", "--db", store, "--format", "ndjson"])
        let lines = ndjson.output.split(separator: "\n")
        #expect(lines.count == array.count)
        let firstLine = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(firstLine["id"] as? String == array[0]["id"] as? String)
        for field in ["id", "type", "severity", "status", "escalated", "subject", "order", "device", "officer",
                      "start", "end", "openedAt", "raisedAt", "details", "evidence", "history"] {
            #expect(firstLine.keys.contains(field), "missing \(field)")
        }
        let table = try TagwatchProcess.run(["alerts", "--db", store])
        #expect(table.output.split(separator: "\n").count == array.count + 1)
        #expect(table.output.hasPrefix("ID"))
    }

    @Test func theStatusFilterListsOnlyThatStatus() throws {
        let store = try Self.ingestedSamples()
        let open = try TagwatchProcess.run(["alerts", "--db", store, "--status", "open", "--format", "ndjson"])
        let resolved = try TagwatchProcess.run(["alerts", "--db", store, "--status", "resolved", "--format", "json"])
        #expect(open.output.split(separator: "\n").count == 16)
        #expect(resolved.output == "[]\n")
        let wrong = try TagwatchProcess.run(["alerts", "--db", store, "--status", "closed"])
        #expect(wrong.status == 1)
    }
}
