import Foundation
import TagwatchCaseload
import TagwatchWorker
import Testing

/// The summary in the webhook body: camelCase keys, RFC 3339 times, ids as strings,
/// `null` for what is absent; and read back to the same value.
@Suite struct ComplianceCodableTests {
    static let summary = ComplianceSummary(order: ComplianceFixture.order, caseload: ComplianceFixture.caseload,
                                           alerts: ComplianceFixture.alerts, asOf: ComplianceFixture.order.end)!

    @Test func itEncodesAsTheWebhookBodyCarriesIt() throws {
        let data = try JSONEncoder().encode(Self.summary)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["order", "subject", "orderType", "timeZone", "orderStart", "orderEnd", "asOf",
                                     "daysMonitored", "daysWithoutEpisode", "percentWithoutEpisode", "curfew",
                                     "episodesByType", "latestEpisode", "openAlerts"])
        #expect(object["orderType"] as? String == "sobriety")
        #expect(object["orderStart"] as? String == "2026-10-01T12:00:00Z")
        #expect(object["orderEnd"] as? String == "2027-01-01T12:00:00Z")
        #expect(object["asOf"] as? String == "2027-01-01T12:00:00Z")
        #expect(object["daysMonitored"] as? Int == 92)
        #expect(object["daysWithoutEpisode"] as? Int == 84)
        #expect(object["percentWithoutEpisode"] as? Double == 91.3)
        #expect(object["curfew"] is NSNull)
        #expect(object["episodesByType"] as? [String: Int] == ["alcohol.drinking": 4, "tamper.obstruction": 1, "tamper.removal": 1, "tamper.strap": 2])
        let latest = try #require(object["latestEpisode"] as? [String: Any])
        #expect(latest["id"] as? String == "7")
        #expect(latest["start"] as? String == "2026-12-31T20:00:00Z")
        #expect(latest["end"] is NSNull)
        #expect(latest["severity"] as? String == "medium")
        let open = try #require(object["openAlerts"] as? [String: Any])
        #expect(open["count"] as? Int == 4)
        #expect(open["ids"] as? [String] == ["3", "4", "6", "7"])
    }

    @Test func itReadsBackTheSame() throws {
        var curfew = Self.summary
        curfew.curfew = ComplianceSummary.CurfewTime(scheduledMinutes: 2100, keptMinutes: 1950, absentMinutes: 105, unverifiedMinutes: 45)
        curfew.latestEpisode?.end = Fixture.t("2027-01-01T01:00:00Z")
        for summary in [Self.summary, curfew] {
            #expect(try JSONDecoder().decode(ComplianceSummary.self, from: JSONEncoder().encode(summary)) == summary)
        }
        let text = String(decoding: try JSONEncoder().encode(curfew), as: UTF8.self)
        #expect(text.contains(#""curfew":{"#))
        #expect(text.contains(#""scheduledMinutes":2100"#))
    }

    @Test func aTimeThatIsNotRFC3339IsRefused() throws {
        let text = String(decoding: try JSONEncoder().encode(Self.summary), as: UTF8.self)
            .replacingOccurrences(of: "\"2026-10-01T12:00:00Z\"", with: "\"1 Oct 2026\"")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ComplianceSummary.self, from: Data(text.utf8)) }
        let badID = String(decoding: try JSONEncoder().encode(Self.summary), as: UTF8.self)
            .replacingOccurrences(of: "\"ids\":[\"3\"", with: "\"ids\":[\"three\"")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ComplianceSummary.self, from: Data(badID.utf8)) }
    }
}
