import Foundation
import TagwatchCaseload
import TagwatchSamples
import Testing

@Suite struct CaseloadReaderTests {
    /// Milliseconds for an RFC 3339 time, by Foundation's own parser.
    static func milliseconds(_ text: String) -> Int64 {
        let formatter = ISO8601DateFormatter()
        return Int64((formatter.date(from: text)!.timeIntervalSince1970 * 1000).rounded())
    }

    static func read(_ json: String) -> Result<Caseload, CaseloadFailure> {
        CaseloadReader.read(Data(json.utf8))
    }

    static func problems(_ json: String) -> [CaseloadProblem] {
        guard case .failure(let failure) = read(json) else { return [] }
        return failure.problems
    }

    @Test func theSpecsExampleNeedsItsSecondSubjectAndThenReadsWhole() throws {
        // As printed, the example names S-0002 without defining it: an unknown reference.
        #expect(Self.problems(CaseloadExample.json).map(\.path) == ["$.orders[1].subject", "$.devices[2].subject"])
        let completed = CaseloadExample.json.replacingOccurrences(
            of: #""name": "J. Doe"}"#,
            with: #""name": "J. Doe"}, {"id": "S-0002", "officer": "PO-17", "risk": "low", "timezone": "Europe/London"}"#)
        let caseload = try Self.read(completed).get()
        #expect(caseload.centre?.notify.email == "duty@centre.example")
        #expect(caseload.officers.map(\.id) == ["PO-17"])
        #expect(caseload.subjects.map(\.risk) == [.high, .low])
        let curfew = try #require(caseload.orders.first)
        #expect(curfew.type == .curfew)
        #expect(curfew.start == Self.milliseconds("2026-10-01T12:00:00Z"))
        #expect(curfew.end == Self.milliseconds("2027-01-01T12:00:00Z"))
        #expect(curfew.curfew.count == 2)
        #expect(curfew.curfew[0].days == [.mon, .tue, .wed, .thu, .fri])
        #expect(curfew.curfew[0].from == ClockTime("19:00"))
        #expect(curfew.curfew[1].to.minutes == 8 * 60)
        #expect(caseload.orders[1].graceMinutes == 5)
        #expect(caseload.orders[1].curfew.isEmpty)
        #expect(caseload.devices.map(\.role) == [.tag, .hmu, .alcohol])
        #expect(caseload.devices[2].to == nil)
        #expect(caseload.absences.first?.from == Self.milliseconds("2026-11-20T18:00:00Z"))
    }

    @Test func theGeneratorsCaseloadReadsWhole() throws {
        var configuration = SampleConfiguration()
        configuration.curfewSubjects = 14
        configuration.sobrietySubjects = 6
        let set = SampleSet(configuration)
        let caseload = try CaseloadReader.read(CaseloadDocument.json(for: set)).get()
        #expect(caseload.subjects.count == 20)
        #expect(caseload.orders.filter { $0.type == .curfew }.count == 14)
        #expect(caseload.devices.count == 14 * 2 + 6)
        #expect(caseload.absences.count == set.curfew.flatMap(\.authorisedAbsences).count)
    }

    @Test func everyProblemOfTheDocumentIsListedByPath() {
        let json = #"""
        {"officers": [{"id": "PO-1", "name": "A"}],
         "subjects": [{"id": "S-1", "officer": "PO-1", "risk": "severe", "timezone": "Mars/Olympus_Mons"}],
         "orders": [{"id": "O-1", "subject": "S-1", "type": "curfew", "start": "2026-10-01 12:00", "end": "2026-09-01T12:00:00Z",
                     "curfew": [{"days": ["mon", "someday"], "from": "25:00", "to": "7:00"}], "graceMinutes": -1}],
         "devices": [{"serial": "RF 1", "role": "anklet", "subject": "S-1", "from": "2026-10-01T12:00:00Z", "to": "2026-09-01T12:00:00Z"}],
         "absences": [{"id": "A-1", "subject": "S-1", "from": "2026-10-02T12:00:00+01:00", "reason": "court", "approvedBy": "PO-1"}]}
        """#
        let problems = Self.problems(json)
        #expect(Set(problems.map(\.path)) == [
            "$.subjects[0].risk", "$.subjects[0].timezone",
            "$.orders[0].start", "$.orders[0].curfew[0].days[1]", "$.orders[0].curfew[0].from",
            "$.orders[0].curfew[0].to", "$.orders[0].graceMinutes",
            "$.devices[0].serial", "$.devices[0].role", "$.devices[0].to",
            "$.absences[0].to",
        ])
        #expect(problems.allSatisfy { !$0.message.isEmpty })
    }

    /// A prompt's address is checked at load: a bad one would otherwise fail every
    /// delivery for a day before the centre heard of it, and a line break in an email
    /// address would write a header of its own.
    @Test func promptAddressesMustBeHTTPURLsAndPlainMailboxes() {
        let json = #"""
        {"centre": {"name": "C", "notify": {"webhook": "ftp://hooks.example/c", "email": "duty@centre.example"}},
         "officers": [{"id": "PO-1", "name": "A", "notify": {"webhook": "https://hooks.example/po-1", "email": "a@b\r\nBcc: x@y"}},
                      {"id": "PO-2", "name": "B", "notify": {"webhook": "http://", "email": "Sam <sam@probation.example>"}},
                      {"id": "PO-3", "name": "C", "notify": {"webhook": "http://127.0.0.1:9310/hooks/po 3", "email": "sam@probation.example"}}],
         "subjects": [], "orders": [], "devices": []}
        """#
        let problems = Self.problems(json)
        #expect(problems.map(\.path) == [
            "$.centre.notify.webhook", "$.officers[0].notify.email", "$.officers[1].notify.webhook",
            "$.officers[1].notify.email", "$.officers[2].notify.webhook",
        ])
        #expect(problems.first { $0.path == "$.officers[0].notify.email" }?.message.hasPrefix(#""a@b\r\nBcc: x@y" is not"#) == true)
        #expect(Notify.isWebhookURL("http://127.0.0.1:9310/hooks/centre") && Notify.isWebhookURL("HTTPS://hooks.example"))
        #expect(Notify.isMailAddress("sam.okafor@probation.example") && !Notify.isMailAddress("sam@@probation.example"))
    }

    @Test func referencesIdsAndOverlappingAssignmentsAreCheckedAcrossTheDocument() {
        let json = #"""
        {"officers": [{"id": "PO-1", "name": "A"}, {"id": "PO-1", "name": "B"}],
         "subjects": [{"id": "S-1", "officer": "PO-9", "risk": "low", "timezone": "Europe/London"},
                      {"id": "S-2", "officer": "PO-1", "risk": "low", "timezone": "Europe/London"}],
         "orders": [{"id": "O-1", "subject": "S-3", "type": "sobriety", "start": "2026-10-01T12:00:00Z", "end": "2027-10-01T12:00:00Z"}],
         "devices": [{"serial": "RF-1", "role": "tag", "subject": "S-1", "from": "2026-10-01T12:00:00Z", "to": "2026-11-01T12:00:00Z"},
                     {"serial": "RF-1", "role": "tag", "subject": "S-2", "from": "2026-10-20T12:00:00Z"},
                     {"serial": "RF-2", "role": "tag", "subject": "S-1", "from": "2026-10-01T12:00:00Z", "to": "2026-11-01T12:00:00Z"},
                     {"serial": "RF-2", "role": "tag", "subject": "S-2", "from": "2026-11-01T12:00:00Z"}]}
        """#
        #expect(Set(Self.problems(json).map(\.path)) == [
            "$.officers[1].id", "$.subjects[0].officer", "$.orders[0].subject", "$.devices[1]",
        ])
    }

    @Test func aDocumentThatIsNotAnObjectOrNotJSONIsOneProblemAtTheRoot() {
        #expect(Self.problems("[1, 2]").map(\.path) == ["$"])
        #expect(Self.problems("{\"officers\": ").map(\.path) == ["$"])
        #expect(Set(Self.problems("{}").map(\.path)) == ["$.officers", "$.subjects", "$.orders", "$.devices"])
    }
}
