import TagwatchDelivery
import TagwatchDeliveryTesting
import Testing

/// The webhook channel against a real HTTP server on the loopback interface.
@Suite struct WebhookChannelTests {
    @Test func aNotificationIsPostedSignedWithItsKey() async throws {
        try await WebhookReceiver.run(secret: DeliveryFixtures.secret) { receiver in
            let notification = DeliveryFixtures.notification(to: DeliveryFixtures.officer(url: receiver.url("/officers/PO-1")))
            let outcome = try await DeliveryFixtures.withWebhookChannel { await $0.deliver(notification) }
            #expect(outcome == .delivered)
            let request = try #require(receiver.requests.first)
            #expect(receiver.requests.count == 1)
            #expect(request.method == "POST")
            #expect(request.path == "/officers/PO-1")
            #expect(request.body == DeliveryFixtures.body)
            #expect(request.header("Content-Type") == "application/json")
            #expect(request.idempotencyKey == "alert-42-opened")
            #expect(request.header("X-Tagwatch-Signature") == DeliveryFixtures.bodySignature)
            #expect(request.signatureVerified)
            #expect(receiver.uniqueKeys == ["alert-42-opened"])
        }
    }

    @Test(arguments: [301, 400, 404, 500, 503])
    func anAnswerOtherThan2xxIsAFailureNamingTheStatus(status: Int) async throws {
        try await WebhookReceiver.run(secret: DeliveryFixtures.secret) { receiver in
            receiver.script("/centre", .status(status))
            let url = receiver.url("/centre")
            let outcome = try await DeliveryFixtures.withWebhookChannel {
                await $0.deliver(DeliveryFixtures.notification(to: DeliveryFixtures.officer(url: url)))
            }
            #expect(outcome == .failed(reason: "HTTP \(status) from \(url)"))
        }
    }

    @Test(arguments: [200, 201, 202, 204, 299])
    func every2xxIsDelivery(status: Int) async throws {
        try await WebhookReceiver.run(secret: DeliveryFixtures.secret) { receiver in
            receiver.script("/centre", .status(status))
            let outcome = try await DeliveryFixtures.withWebhookChannel {
                await $0.deliver(DeliveryFixtures.notification(to: DeliveryFixtures.officer(url: receiver.url("/centre"))))
            }
            #expect(outcome == .delivered)
        }
    }

    /// A receiver that does not answer within the timeout is a failure saying so, given
    /// up on at about the timeout, not when the receiver would have answered.
    @Test func noAnswerWithinTheTimeoutIsAFailure() async throws {
        try await WebhookReceiver.run(secret: DeliveryFixtures.secret) { receiver in
            receiver.script("/slow", .stall(.seconds(60)))
            let url = receiver.url("/slow")
            // The delivery alone is timed: shutting the client down may wait for the
            // receiver to let the connection go.
            let clock = ContinuousClock()
            let (outcome, elapsed) = try await DeliveryFixtures.withWebhookChannel(timeout: .milliseconds(300)) { channel in
                let started = clock.now
                let outcome = await channel.deliver(DeliveryFixtures.notification(to: DeliveryFixtures.officer(url: url)))
                return (outcome, clock.now - started)
            }
            #expect(outcome == .failed(reason: "no answer within 300 ms from \(url)"))
            #expect(elapsed >= .milliseconds(300))
            // Given up on long before the receiver would have answered (60 s), with room
            // for a loaded machine.
            #expect(elapsed < .seconds(20))
            #expect(receiver.requests(to: "/slow").count == 1)
        }
    }

    @Test func aClosedPortIsAFailureAtOnce() async throws {
        let url = try await WebhookReceiver.run(secret: DeliveryFixtures.secret) { $0.url("/gone") }
        let clock = ContinuousClock()
        let started = clock.now
        let outcome = try await DeliveryFixtures.withWebhookChannel {
            await $0.deliver(DeliveryFixtures.notification(to: DeliveryFixtures.officer(url: url)))
        }
        #expect(outcome == .failed(reason: "could not connect to \(url): connection refused"))
        #expect(clock.now - started < .seconds(5))
    }

    /// Each retry of one notification carries the same key and signature, so the receiver
    /// acts once however often it is asked.
    @Test func retriesCarryTheSameKey() async throws {
        try await WebhookReceiver.run(secret: DeliveryFixtures.secret) { receiver in
            receiver.script("/po-1", .status(503), times: 2)
            let first = DeliveryFixtures.notification(to: DeliveryFixtures.officer(url: receiver.url("/po-1")))
            var second = first
            second.key = "alert-43-opened"
            let outcomes: [DeliveryOutcome] = try await DeliveryFixtures.withWebhookChannel { channel in
                [await channel.deliver(first), await channel.deliver(first), await channel.deliver(first),
                 await channel.deliver(first), await channel.deliver(second)]
            }
            #expect(outcomes.map { $0 == .delivered } == [false, false, true, true, true])
            let requests = receiver.requests(to: "/po-1")
            #expect(requests.map(\.idempotencyKey) == Array(repeating: "alert-42-opened", count: 4) + ["alert-43-opened"])
            #expect(Set(requests.prefix(4).map { $0.header("X-Tagwatch-Signature") }) == [DeliveryFixtures.bodySignature])
            #expect(receiver.uniqueKeys == ["alert-42-opened", "alert-43-opened"])
            #expect(receiver.repeats == 3)
        }
    }

    @Test func aReceiverWithAnotherSecretRefusesTheSignature() async throws {
        try await WebhookReceiver.run(secret: Array("another-secret-of-the-site".utf8)) { receiver in
            let url = receiver.url("/po-1")
            let outcome = try await DeliveryFixtures.withWebhookChannel {
                await $0.deliver(DeliveryFixtures.notification(to: DeliveryFixtures.officer(url: url)))
            }
            #expect(outcome == .failed(reason: "HTTP 401 from \(url)"))
            #expect(receiver.requests.map(\.signatureVerified) == [false])
            #expect(receiver.uniqueKeys.isEmpty)
        }
    }

    @Test func aMissingOrShortSecretIsRefused() async throws {
        #expect(throws: DeliverySetupError.self) { try WebhookChannel(secret: [UInt8]()) }
        #expect(throws: DeliverySetupError.self) {
            try WebhookChannel(secret: [UInt8](repeating: 0x41, count: WebhookChannel.minimumSecretLength - 1))
        }
        let channel = try WebhookChannel(secret: [UInt8](repeating: 0x41, count: WebhookChannel.minimumSecretLength))
        try await channel.shutdown()
    }

    @Test func anEmailRecipientOrAnotherSchemeIsAFailureWithoutARequest() async throws {
        let outcomes: [DeliveryOutcome] = try await DeliveryFixtures.withWebhookChannel { channel in
            [await channel.deliver(DeliveryFixtures.notification(to: DeliveryFixtures.officer(email: "po1@example.org"))),
             await channel.deliver(DeliveryFixtures.notification(to: DeliveryFixtures.officer(url: "ftp://example.org/hook")))]
        }
        #expect(outcomes == [
            .failed(reason: "Ada Byrne has an email address; the webhook channel posts to URLs only"),
            .failed(reason: "ftp://example.org/hook is not an http or https URL"),
        ])
    }
}
