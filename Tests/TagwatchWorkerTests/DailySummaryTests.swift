import TagwatchCaseload
import TagwatchRules
import TagwatchStore
import TagwatchWorker
import Testing

/// The daily summary per officer (alerts.md): their open alerts by severity, the low
/// ones gathered by type.
@Suite struct DailySummaryTests {
    static func alert(_ id: Int64, _ type: String, _ severity: String, _ subject: String, _ start: String, _ end: String?,
                      status: String = "open", escalated: Bool = false) -> StoredAlert {
        Fixture.alert(id: id, type: type, severity: severity, status: status, escalated: escalated, subject: subject,
                      start: start, end: end)
    }

    static let alerts: [StoredAlert] = {
        var elsewhere = alert(108, "tamper.strap", "critical", "S-0001", "2026-11-22T10:00:00Z", nil)
        elsewhere.officer = "PO-99"
        return [
            alert(104, "device.battery_low", "low", "S-0001", "2026-11-20T03:10:00Z", "2026-11-20T09:00:00Z"),
            alert(101, "tamper.strap", "critical", "S-0001", "2026-11-22T19:00:00Z", "2026-11-22T19:05:00Z"),
            alert(102, "curfew.absence", "high", "S-0001", "2026-11-22T19:00:00Z", "2026-11-22T20:20:00Z",
                  status: "acknowledged", escalated: true),
            alert(103, "alcohol.drinking", "medium", "S-0002", "2026-11-21T21:00:00Z", nil),
            alert(105, "device.battery_low", "low", "S-0002", "2026-11-21T10:00:00Z", nil),
            alert(106, "hmu.power_loss", "low", "S-0001", "2026-11-22T08:00:00Z", "2026-11-22T09:35:00Z"),
            alert(107, "hmu.moved", "high", "S-0001", "2026-11-21T08:00:00Z", nil, status: "resolved"),
            elsewhere,
        ]
    }()

    @Test func openAlertsBySeverityWithTheLowOnesGathered() {
        var context = Fixture.context
        context.timeZone = "Europe/London"
        let prompt = Prompt.summary(officer: Fixture.officer, alerts: Self.alerts, day: Fixture.t("2026-11-23T07:00:00Z"), context: context)
        #expect(prompt.subject == "[summary] 6 open alerts — Sam Okafor (PO-17), Mon 23 Nov 2026")
        let lines = prompt.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(Array(lines.prefix(20)) == [
            "For Sam Okafor (PO-17).",
            "Your open alerts on Mon 23 Nov 2026: 6 (1 critical, 1 high, 1 medium, 3 low).",
            "",
            "Critical (1)",
            "  101 Tag strap open — S-0001 J. Doe, 22 Nov 19:00–19:05",
            "",
            "High (1)",
            "  102 Curfew absence — S-0001 J. Doe, 22 Nov 19:00–20:20 (acknowledged,",
            "      escalated)",
            "",
            "Medium (1)",
            "  103 Alcohol episode (pending) — S-0002, from 21 Nov 21:00",
            "",
            "Low (3), gathered here instead of a prompt each",
            "  Home unit off mains power (1)",
            "    106 S-0001 J. Doe, 22 Nov 08:00–09:35",
            "  Low battery (2)",
            "    105 S-0002, from 21 Nov 10:00",
            "    104 S-0001 J. Doe, 20 Nov 03:10–09:00",
            "",
        ])
        #expect(lines.contains("  tagwatch alerts --officer PO-17"))
        #expect(lines.contains(Fixture.decidesNothing))
        #expect(!prompt.text.contains("107"))
        #expect(!prompt.text.contains("108"))
        #expect(lines.allSatisfy { $0.count <= 78 })
    }

    /// A severity this version does not know is still listed, after the known ones.
    @Test func anUnknownSeverityIsStillListed() {
        let alerts = [Self.alert(201, "hmu.moved", "urgent", "S-0001", "2026-11-22T10:00:00Z", nil),
                      Self.alert(202, "hmu.moved", "high", "S-0001", "2026-11-22T11:00:00Z", nil)]
        let prompt = Prompt.summary(officer: Fixture.officer, alerts: alerts, day: Fixture.t("2026-11-23T07:00:00Z"), context: Fixture.context)
        let lines = prompt.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[1] == "Your open alerts on Mon 23 Nov 2026: 2 (1 high, 1 urgent).")
        #expect(lines.firstIndex(of: "High (1)")! < lines.firstIndex(of: "Urgent (1)")!)
        #expect(lines.contains("  201 Home unit moved — S-0001 J. Doe, from 22 Nov 10:00"))
    }

    @Test func aQuietDayStillGetsItsSummary() {
        let prompt = Prompt.summary(officer: Fixture.officer, alerts: [], day: Fixture.t("2026-11-23T07:00:00Z"), context: Fixture.context)
        #expect(prompt.subject == "[summary] 0 open alerts — Sam Okafor (PO-17), Mon 23 Nov 2026")
        #expect(prompt.text == """
            For Sam Okafor (PO-17).
            Your open alerts on Mon 23 Nov 2026: 0.

            Nothing is waiting for you today.
            \(Fixture.decidesNothing)

            """)
    }
}
