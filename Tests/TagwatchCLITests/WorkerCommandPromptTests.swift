import Foundation
import TagwatchDeliveryTesting
import Testing

/// `tagwatch worker --once` delivers each kind of prompt (alerts.md, "The follow-up
/// worker") to the right hook of a real loopback receiver, signed with the secret, with an
/// idempotency key, and writes one email per prompt for recipients with an address.
@Suite struct WorkerCommandPromptTests {
    typealias Fixture = WorkerFixture
    static let secret = Array(WorkerFixture.secret.utf8)

    @Test func openedAndConfirmedDrinkingAlertsPromptTheirOfficers() async throws {
        try await WebhookReceiver.run(secret: Self.secret) { receiver in
            let fixture = try await Fixture.make(hooks: receiver, subjects: Array(Fixture.standard.prefix(2)))
            defer { fixture.remove() }
            let (s1, s2) = (fixture.subjects[0], fixture.subjects[1])
            try await fixture.openDrinkingAlerts([s1, s2])
            try await fixture.ingest(fixture.drinking(s1, Fixture.ending))
            // rules.md: S-1's episode ended confirmed (high) in the second batch; S-2's is
            // pending, medium raised to high by the subject's risk.
            let a1 = try await fixture.alert("alcohol.drinking", of: s1)
            let a2 = try await fixture.alert("alcohol.drinking", of: s2)
            #expect((a1["details"] as? [String: Any])?["classification"] as? String == "confirmed")
            #expect(a1["severity"] as? String == "high")
            #expect((a2["details"] as? [String: Any])?["classification"] as? String == "pending")
            #expect(a2["severity"] as? String == "high")
            let (id1, id2) = (try #require(a1["id"] as? String), try #require(a2["id"] as? String))

            // 06:00 UTC, before the alerts were raised: nothing to escalate, no summary yet.
            let pass = try await fixture.pass(at: fixture.base + Fixture.day + 6 * Fixture.hour)
            // Opened and confirmed to PO-1 (webhook and email), opened to PO-2 (webhook).
            #expect(pass == WorkerPass(queued: 5, delivered: 5))
            let requests = receiver.requests.sorted { $0.summary < $1.summary }
            #expect(requests.map(\.summary) == ["/po-1 confirmed \(id1)", "/po-1 opened \(id1)", "/po-2 opened \(id2)"])
            if requests.count == 3 {
                expectPrompt(requests[0], to: "/po-1", event: "confirmed", alert: id1)
                expectPrompt(requests[1], to: "/po-1", event: "opened", alert: id1)
                expectPrompt(requests[2], to: "/po-2", event: "opened", alert: id2)
                #expect((requests[0].alert?["details"] as? [String: Any])?["classification"] as? String == "confirmed")
                #expect(requests[0].header("Content-Type") == "application/json")
            }
            #expect(Set(requests.compactMap(\.idempotencyKey)).count == 3)
            try fixture.expectMails(for: requests)
            // Each prompt once: a later pass owes and sends nothing.
            #expect(try await fixture.pass(at: fixture.base + Fixture.day + 7 * Fixture.hour) == WorkerPass())
            #expect(receiver.requests.count == 3)
        }
    }

    @Test func eachOfficerGetsOneDailySummaryOfTheirOpenAlertsFrom0800UTC() async throws {
        try await WebhookReceiver.run(secret: Self.secret) { receiver in
            let fixture = try await Fixture.make(hooks: receiver, subjects: Array(Fixture.standard.prefix(2)))
            defer { fixture.remove() }
            let (s1, s2) = (fixture.subjects[0], fixture.subjects[1])
            try await fixture.openDrinkingAlerts([s1, s2])
            let id1 = try #require(try await fixture.alert("alcohol.drinking", of: s1)["id"] as? String)
            let id2 = try #require(try await fixture.alert("alcohol.drinking", of: s2)["id"] as? String)
            let day = fixture.base + Fixture.day
            #expect(try await fixture.pass(at: day + 8 * Fixture.hour - 1) == WorkerPass(queued: 3, delivered: 3))
            let opened = receiver.requests.count

            #expect(try await fixture.pass(at: day + 8 * Fixture.hour) == WorkerPass(summaries: 2, queued: 3, delivered: 3))
            let summaries = receiver.requests.dropFirst(opened).sorted { $0.path < $1.path }
            #expect(summaries.map(\.path) == ["/po-1", "/po-2"])
            for (request, alert) in zip(summaries, [id1, id2]) {
                expectPrompt(request, to: request.path, event: "summary", alert: nil)
                let alerts = try #require(request.json["alerts"] as? [[String: Any]], "\(request.path): no alerts array")
                #expect(alerts.compactMap { $0["id"] as? String } == [alert], "\(request.path)")
            }
            try fixture.expectMails(for: receiver.requests)
            // Once a day: nothing more that evening, the next one the next morning.
            #expect(try await fixture.pass(at: day + 20 * Fixture.hour) == WorkerPass())
            #expect(try await fixture.pass(at: day + Fixture.day + 8 * Fixture.hour) == WorkerPass(summaries: 2, queued: 3, delivered: 3))
            #expect(receiver.requests.count == opened + 4)
            #expect(receiver.repeats == 0)
        }
    }

    @Test func transitionPromptsReachTheOfficerWithTheComplianceSummary() async throws {
        try await WebhookReceiver.run(secret: Self.secret) { receiver in
            let fixture = try await Fixture.make(hooks: receiver, subjects: Array(Fixture.standard.prefix(2)))
            defer { fixture.remove() }
            let (s1, s2) = (fixture.subjects[0], fixture.subjects[1])
            try await fixture.openDrinkingAlerts([s1, s2])
            try await fixture.ingest(fixture.drinking(s1, Fixture.ending))
            let id1 = try #require(try await fixture.alert("alcohol.drinking", of: s1)["id"] as? String)
            let id2 = try #require(try await fixture.alert("alcohol.drinking", of: s2)["id"] as? String)
            try await fixture.pass(at: fixture.base + Fixture.day + 6 * Fixture.hour)
            var seen = receiver.requests.count

            let end = fixture.orderEnd
            // Both drinking alerts are high and long past their hour: escalated to the
            // centre in the first of these passes; the transitions (low) never are.
            let points: [(at: Int64, type: String, daysLeft: Int, escalated: Int)] = [
                (end - 14 * Fixture.day, "transition.order_ending", 14, 2),
                (end - 3 * Fixture.day, "transition.order_ending", 3, 0),
                (end, "transition.order_ended", 0, 0),
            ]
            for point in points {
                let pass = try await fixture.pass(at: point.at)
                #expect(pass == WorkerPass(transitions: 2, escalated: point.escalated, queued: 3 + 2 * point.escalated,
                                           delivered: 3 + 2 * point.escalated), "\(point.type) \(point.daysLeft)")
                let new = Array(receiver.requests.dropFirst(seen))
                seen = receiver.requests.count
                #expect(new.filter { $0.path == "/centre" }.map(\.event).allSatisfy { $0 == "escalated" })
                #expect(Set(new.filter { $0.path == "/centre" }.compactMap(\.alertID)) == (point.escalated > 0 ? [id1, id2] : []))
                let transitions = new.filter { $0.path != "/centre" }.sorted { $0.path < $1.path }
                #expect(transitions.map(\.path) == ["/po-1", "/po-2"], "\(point.type) \(point.daysLeft)")
                for (request, subject) in zip(transitions, [s1, s2]) {
                    expectPrompt(request, to: request.path, event: "transition", alert: nil)
                    #expect(request.alert?["type"] as? String == point.type)
                    #expect(request.alert?["order"] as? String == subject.order)
                    #expect(request.alert?["officer"] as? String == subject.officer)
                    #expect((request.alert?["details"] as? [String: Any])?["daysLeft"] as? Int == point.daysLeft)
                    try Self.expectCompliance(request, of: subject, in: fixture, asOf: point.at,
                                              drinking: subject.number == 1 ? id1 : id2, confirmed: subject.number == 1)
                }
            }
            try fixture.expectMails(for: receiver.requests)
            #expect(receiver.repeats == 0)
        }
    }

    /// rules.md, "Transition points": days monitored (local days from the order's start),
    /// days with no confirmed alcohol or tamper episode, as a count and a percentage, the
    /// episodes by type, the latest one and the open alerts, worked out here from the
    /// readings the fixture wrote (one drinking episode on the first day of readings).
    static func expectCompliance(_ request: ReceivedRequest, of subject: WorkerFixture.Subject, in fixture: WorkerFixture,
                                 asOf: Int64, drinking: String, confirmed: Bool,
                                 sourceLocation: SourceLocation = #_sourceLocation) throws {
        let compliance = try #require(request.json["compliance"] as? [String: Any], "no compliance in \(request.summary)",
                                      sourceLocation: sourceLocation)
        let days = Int(asOf / Fixture.day - fixture.orderStart / Fixture.day)
        let clean = confirmed ? days - 1 : days
        #expect(compliance["order"] as? String == subject.order, sourceLocation: sourceLocation)
        #expect(compliance["daysMonitored"] as? Int == days, sourceLocation: sourceLocation)
        #expect(compliance["daysWithoutEpisode"] as? Int == clean, sourceLocation: sourceLocation)
        let percent = (Double(clean * 1000) / Double(days)).rounded() / 10
        #expect(compliance["percentWithoutEpisode"] as? Double == percent, sourceLocation: sourceLocation)
        #expect(compliance["episodesByType"] as? [String: Int] == ["alcohol.drinking": 1], sourceLocation: sourceLocation)
        #expect((compliance["latestEpisode"] as? [String: Any])?["id"] as? String == drinking, sourceLocation: sourceLocation)
        #expect((compliance["openAlerts"] as? [String: Any])?["ids"] as? [String] == [drinking], sourceLocation: sourceLocation)
    }

    @Test func aPromptWithNowhereToGoIsDeadLetteredToTheCentre() async throws {
        try await WebhookReceiver.run(secret: Self.secret) { receiver in
            let fixture = try await Fixture.make(hooks: receiver)
            defer { fixture.remove() }
            let s3 = fixture.subjects[2]
            try await fixture.openDrinkingAlerts([s3])
            let id3 = try #require(try await fixture.alert("alcohol.drinking", of: s3)["id"] as? String)
            // PO-3 has no webhook and no email: the opened prompt dies at once and the
            // centre is told, by webhook and email.
            let pass = try await fixture.pass(at: fixture.base + Fixture.day + 6 * Fixture.hour)
            #expect(pass == WorkerPass(queued: 2, delivered: 2))
            let failed = try await fixture.alert("system.delivery_failed", of: s3)
            #expect(failed["severity"] as? String == "high")
            #expect(failed["status"] as? String == "open")
            let details = try #require(failed["details"] as? [String: Any])
            #expect(details["recipient"] as? String == "PO-3")
            #expect(details["event"] as? String == "opened")
            #expect(details["alert"] as? Int == Int(id3))
            let requests = receiver.requests
            #expect(requests.count == 1)
            if let request = requests.first {
                expectPrompt(request, to: "/centre", event: "delivery_failed", alert: failed["id"] as? String)
            }
            try fixture.expectMails(for: requests)
        }
    }

    @Test func webhooksInTheCaseloadWithoutAUsableSecretStopTheWorker() async throws {
        try await WebhookReceiver.run(secret: Self.secret) { receiver in
            let fixture = try await Fixture.make(hooks: receiver)
            defer { fixture.remove() }
            try await fixture.openDrinkingAlerts([fixture.subjects[0]])
            let run = try await fixture.tagwatch(fixture.workerArguments(at: fixture.base + Fixture.day), secret: nil)
            #expect(run.status == 1)
            #expect((run.output + run.errors).contains("TAGWATCH_WEBHOOK_SECRET"), "\(run.output)\(run.errors)")
            #expect(!run.output.contains("worker pass:"))
            // A secret too short to trust is refused the same way.
            let short = try await fixture.tagwatch(fixture.workerArguments(at: fixture.base + Fixture.day), secret: "short")
            #expect(short.status == 1)
            #expect((short.output + short.errors).contains("TAGWATCH_WEBHOOK_SECRET"), "\(short.output)\(short.errors)")
            #expect(receiver.requests.isEmpty)
            #expect(try fixture.deliveries().isEmpty)
        }
    }
}
