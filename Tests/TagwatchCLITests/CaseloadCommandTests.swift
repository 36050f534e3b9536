import Foundation
import Testing

/// `tagwatch caseload check FILE`: valid documents exit 0, invalid ones exit 3 with every
/// problem by JSON path.
@Suite struct CaseloadCommandTests {
    static let samples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("samples")

    @Test func theSampleCaseloadIsValid() throws {
        let result = try TagwatchProcess.run(["caseload", "check", Self.samples.appendingPathComponent("caseload.json").path])
        #expect(result.status == 0)
        #expect(result.output.contains("valid: 3 officers, 20 subjects, 20 orders, 34 device assignments"))
    }

    @Test func anInvalidDocumentListsItsProblemsAndExitsThree() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("caseload-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(#"{"officers": [], "subjects": [{"id": "S-1", "officer": "PO-1", "risk": "low", "timezone": "Nowhere/Town"}], "orders": [], "devices": []}"#.utf8)
            .write(to: URL(fileURLWithPath: path))
        let result = try TagwatchProcess.run(["caseload", "check", path])
        #expect(result.status == 3)
        #expect(result.output.contains("$.subjects[0].timezone"))
        #expect(result.output.contains("nothing of it was applied"))
    }
}
