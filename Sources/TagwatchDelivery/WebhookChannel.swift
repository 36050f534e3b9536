import AsyncHTTPClient
import NIOCore

/// Delivers a notification by HTTP POST of its JSON body to the recipient's URL (alerts.md,
/// "The follow-up worker"), signed with the site's secret. A 2xx answer is delivery;
/// any other status, no answer within the timeout, or no connection is a failure with the
/// reason.
///
/// The channel owns its HTTP client: call ``shutdown()`` once done with it (after the
/// last delivery has returned). Redirects are not followed (a 3xx is "anything else"), and
/// a refused connection is not retried here: the worker's ``RetrySchedule`` retries.
public final class WebhookChannel: DeliveryChannel {
    /// The shortest secret accepted: a shorter one could be guessed, and every receiver
    /// would then take forged prompts.
    public static let minimumSecretLength = 16
    /// Connections kept to one host: at least as many as deliveries a worker sends at once.
    public static let connectionsPerHost = 64

    /// How long a receiver has to answer.
    public let timeout: Duration
    private let secret: [UInt8]
    private let client: HTTPClient

    /// A channel signing with `secret` (the bytes of `TAGWATCH_WEBHOOK_SECRET`, which the
    /// worker reads); refused when the secret is missing or shorter than
    /// ``minimumSecretLength`` bytes, since an unsigned or weakly signed prompt is one a
    /// receiver cannot trust.
    public init(secret: some Collection<UInt8>, timeout: Duration = .seconds(10)) throws(DeliverySetupError) {
        let advice = "set TAGWATCH_WEBHOOK_SECRET to at least \(Self.minimumSecretLength) random bytes, e.g. `openssl rand -hex 32`, and give it to the receivers"
        guard !secret.isEmpty else {
            throw DeliverySetupError("there is no webhook secret to sign notifications with", advice: advice)
        }
        guard secret.count >= Self.minimumSecretLength else {
            throw DeliverySetupError("the webhook secret has \(secret.count) bytes, fewer than \(Self.minimumSecretLength)", advice: advice)
        }
        self.secret = Array(secret)
        self.timeout = timeout
        let wait = TimeAmount(timeout)
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: wait, read: wait)
        )
        configuration.connectionPool.retryConnectionEstablishment = false
        // A worker sends a round of deliveries side by side, often to one host (the
        // centre's); with the default of 8 connections the rest would wait for one and
        // could time out unsent.
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = Self.connectionsPerHost
        client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    public func deliver(_ notification: OutboxNotification) async -> DeliveryOutcome {
        guard case .webhook(let url) = notification.recipient.address else {
            return .failed(reason: "\(notification.recipient.name) has an email address; the webhook channel posts to URLs only")
        }
        let scheme = url.prefix { $0 != ":" }.lowercased()
        guard scheme == "http" || scheme == "https" else {
            return .failed(reason: "\(url) is not an http or https URL")
        }
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Idempotency-Key", value: notification.key)
        request.headers.add(name: WebhookSignature.headerName,
                            value: WebhookSignature.header(body: notification.body, secret: secret))
        request.body = .bytes(notification.body)
        let response: HTTPClientResponse
        do {
            response = try await client.execute(request, timeout: TimeAmount(timeout))
        } catch {
            return .failed(reason: reason(for: error, url: url))
        }
        do {
            for try await _ in response.body {}
        } catch {
            // The status is the answer; the body is read only to free the connection, so
            // a body cut short changes nothing.
        }
        return (200...299).contains(response.status.code)
            ? .delivered
            : .failed(reason: "HTTP \(response.status.code) from \(url)")
    }

    /// Closes the client's connections. Call it once, after the last delivery returned.
    public func shutdown() async throws {
        try await client.shutdown()
    }
}
