import Foundation
import GRDB
import TagwatchCaseload
import TagwatchSamples
import TagwatchStore
import Testing

/// The caseload a batch reads is the one that was checked when it was loaded, whether
/// from its snapshot or, in a store without one, from the document itself.
@Suite struct CaseloadSnapshotTests {
    @Test func theSnapshotAndTheDocumentGiveTheSameCaseload() throws {
        let fixture = try StoreFixture()
        var configuration = SampleConfiguration()
        configuration.days = 1
        let document = try CaseloadDocument.json(for: SampleSet(configuration))
        let expected = try CaseloadReader.read(document).get()
        guard case .success = try fixture.store.load(caseloadDocument: document, by: "OP-1", at: 1) else {
            Issue.record("the sample caseload does not load")
            return
        }
        #expect(try fixture.store.caseload() == expected)
        #expect(expected.subjects.count == 20)
        #expect(expected.absences.count == 1)
        // A store loaded before snapshots existed reads the document.
        try fixture.raw().write { try $0.execute(sql: "DELETE FROM setting WHERE key = 'caseloadSnapshot'") }
        #expect(try fixture.store.caseload() == expected)
        // A damaged snapshot is not trusted.
        try fixture.raw().write { try $0.execute(sql: "INSERT INTO setting (key, value) VALUES ('caseloadSnapshot', x'01ff00')") }
        #expect(try fixture.store.caseload() == expected)
    }
}
