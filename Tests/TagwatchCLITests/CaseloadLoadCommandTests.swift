import Foundation
import Testing

/// `tagwatch caseload load FILE` (caseload.md): a document is checked whole together with
/// what is kept, applied only when all of it is valid, and upserted by id on reload.
@Suite struct CaseloadLoadCommandTests {
    let folder: URL
    let store: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tagwatch-caseload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = folder.appendingPathComponent("store.sqlite").path
    }

    private func load(_ json: String) throws -> TagwatchProcess.Result {
        let path = folder.appendingPathComponent("doc-\(UUID().uuidString).json").path
        try Data(json.utf8).write(to: URL(fileURLWithPath: path))
        return try TagwatchProcess.run(["caseload", "load", "--db", store, path])
    }

    private func loadSamples() throws -> TagwatchProcess.Result {
        try TagwatchProcess.run(["caseload", "load", "--db", store, CaseloadCommandTests.samples.appendingPathComponent("caseload.json").path])
    }

    @Test func theSampleCaseloadIsAppliedAndReloadingItChangesNothing() throws {
        // 1 centre + 3 officers + 20 subjects + 20 orders + 34 devices + 1 absence.
        let first = try loadSamples()
        #expect(first.status == 0)
        #expect(first.output.contains("applied: 79 added, 0 changed, 0 unchanged"))
        let again = try loadSamples()
        #expect(again.status == 0)
        #expect(again.output.contains("applied: 0 added, 0 changed, 79 unchanged"))
    }

    @Test func aLaterDocumentMayNameOnlyWhatChanges() throws {
        _ = try loadSamples()
        let absence = try load(#"""
            {"absences": [{"id": "A-9", "subject": "S-1001", "from": "2026-11-05T18:00:00Z", "to": "2026-11-05T22:00:00Z",
                           "reason": "court", "approvedBy": "PO-17"}],
             "subjects": [{"id": "S-1001", "officer": "PO-23", "risk": "high", "timezone": "Europe/London"}]}
            """#)
        #expect(absence.status == 0, "\(absence.output)")
        #expect(absence.output.contains("applied: 1 added, 1 changed, 0 unchanged"))
        #expect(absence.output.contains("20 subjects"))
        #expect(absence.output.contains("2 authorised absences"))
    }

    @Test func aDocumentWithAProblemAppliesNothingAndNamesEveryProblem() throws {
        _ = try loadSamples()
        let bad = try load(#"""
            {"absences": [{"id": "A-9", "subject": "S-9999", "from": "2026-11-05T18:00:00Z", "to": "2026-11-05T22:00:00Z",
                           "reason": "court", "approvedBy": "PO-17"}],
             "officers": [{"id": "PO-17", "name": "Renamed"}],
             "devices": [{"serial": "RF-001900", "role": "tag", "subject": "S-1002", "from": "2026-11-02T00:00:00Z"}]}
            """#)
        #expect(bad.status == 3)
        #expect(bad.output.contains("nothing applied"))
        #expect(bad.output.contains("$.absences[0].subject"))
        // RF-001900 is already assigned to S-1001 from 2026-11-01T00:00:00Z, open-ended: the
        // new assignment (another start, so another entry) overlaps it.
        #expect(bad.output.contains("RF-001900"))
        let unchanged = try loadSamples()
        #expect(unchanged.output.contains("applied: 0 added, 0 changed, 79 unchanged"))
    }

    @Test func aFileThatIsNotJSONIsRejectedWithExitThree() throws {
        let result = try load("not json")
        #expect(result.status == 3)
        #expect(result.output.contains("not a JSON document"))
    }

    @Test func aMissingFileExitsOne() throws {
        let result = try TagwatchProcess.run(["caseload", "load", "--db", store, folder.appendingPathComponent("missing.json").path])
        #expect(result.status == 1)
        #expect(result.errors.contains("cannot read"))
    }
}
