import TagwatchCaseload
import TagwatchRules
import TagwatchStore

/// A sobriety order of 92 days (1 Oct 2026 12:00Z to 1 Jan 2027 12:00Z, local dates
/// 1 Oct to 1 Jan in Europe/London) and its subject's alerts, with the local days each
/// touches worked out by hand (BST is UTC+1 until 01:00Z on 25 Oct).
enum ComplianceFixture {
    static let order = Order(id: "O-0002", subject: "S-0001", type: .sobriety,
                             start: Fixture.t("2026-10-01T12:00:00Z"), end: Fixture.t("2027-01-01T12:00:00Z"))
    static let caseload = Caseload(centre: Fixture.centre, officers: [Fixture.officer], subjects: [Fixture.doe, Fixture.nameless],
                                   orders: [order], devices: [])

    static func episode(_ id: Int64, _ type: String, _ start: String, _ end: String?, status: String = "resolved",
                        severity: String = "high", order: String? = "O-0002", subject: String = "S-0001",
                        classification: String? = nil) -> StoredAlert {
        Fixture.alert(id: id, type: type, severity: severity, status: status, subject: subject, order: order,
                      device: "TAC-000417", start: start, end: end,
                      details: classification.map { ["classification": .text($0)] } ?? [:])
    }

    static let alerts = [
        // Local 4 Oct, 11:00–15:00 BST.
        episode(1, "alcohol.drinking", "2026-10-04T10:00:00Z", "2026-10-04T14:00:00Z", classification: "confirmed"),
        // 23:30Z on 3 Oct is 00:30 BST on 4 Oct: the same local day as the one above.
        episode(2, "tamper.obstruction", "2026-10-03T23:30:00Z", "2026-10-03T23:50:00Z"),
        // 21:00 BST on 10 Oct to 02:00 BST on 11 Oct: both days.
        episode(3, "alcohol.drinking", "2026-10-10T20:00:00Z", "2026-10-11T01:00:00Z", status: "acknowledged",
                classification: "confirmed"),
        // Unconfirmed: no day counts against it.
        episode(4, "alcohol.drinking", "2026-10-20T20:00:00Z", "2026-10-20T22:00:00Z", status: "open",
                severity: "medium", classification: "unconfirmed"),
        // 23:30 BST on 24 Oct to 01:30 GMT on 25 Oct, across the clock change: both days.
        episode(5, "tamper.removal", "2026-10-24T22:30:00Z", "2026-10-25T01:30:00Z"),
        // Still open from 30 Dec: 30 and 31 Dec (1 Jan, the end date, is not a whole day).
        episode(6, "tamper.strap", "2026-12-30T10:00:00Z", nil, status: "open", severity: "critical"),
        // Pending: the latest episode, no day counts against it.
        episode(7, "alcohol.drinking", "2026-12-31T20:00:00Z", nil, status: "open", severity: "medium", classification: "pending"),
        // Another order's: left out.
        episode(8, "tamper.strap", "2026-11-05T12:00:00Z", "2026-11-05T12:10:00Z", order: "O-OTHER"),
        // Not an episode: left out.
        episode(9, "transition.order_ending", "2026-12-18T12:00:00Z", nil, status: "open"),
        // No order but the subject's, within the period: counted, 15 Nov.
        episode(10, "tamper.strap", "2026-11-15T12:00:00Z", "2026-11-15T12:10:00Z", order: nil),
        // No order, before the order started: left out.
        episode(11, "tamper.strap", "2026-09-30T12:00:00Z", "2026-09-30T12:10:00Z", order: nil),
        // Another subject's: left out.
        episode(12, "tamper.strap", "2026-11-16T12:00:00Z", "2026-11-16T12:10:00Z", order: nil, subject: "S-0002"),
    ]
}
