import Foundation
import TagwatchDelivery

/// Notifications, secrets and folders for the delivery tests.
enum DeliveryFixtures {
    /// A secret both the channel and the receiver know (22 bytes).
    static let secret = Array("site-secret-0123456789".utf8)

    /// The JSON body whose HMAC under ``secret`` was computed offline:
    /// `printf %s BODY | openssl dgst -sha256 -hmac site-secret-0123456789`.
    static let body = Array(#"{"event":"opened","alert":{"id":42}}"#.utf8)
    static let bodySignature = "sha256=7f269002d942d4b8c5fe36686ee3b6fd01f157d0d4933577d477d512c18cf657"

    /// A notification of alert 42 opening for `recipient`.
    static func notification(to recipient: Recipient, key: String = "alert-42-opened",
                             subject: String = "Curfew absence, subject S-1",
                             text: String = "Alert 42: curfew absence from 19:05.\nPlease follow up.\n") -> OutboxNotification {
        OutboxNotification(key: key, event: "opened", recipient: recipient, body: body,
                     mailSubject: subject, mailText: text, createdAt: 1_795_460_700_000)
    }

    static func officer(url: String) -> Recipient {
        Recipient(name: "Officer Ada Byrne", address: .webhook(url: url))
    }

    static func officer(email: String = "po1@example.org", name: String = "Ada Byrne") -> Recipient {
        Recipient(name: name, address: .email(address: email))
    }

    /// A new empty folder of its own under the temporary folder.
    static func folder() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tagwatch-delivery-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    /// Runs `body` with a webhook channel signing with ``secret``, and shuts it down after.
    static func withWebhookChannel<Result>(timeout: Duration = .seconds(10),
                                           _ body: (WebhookChannel) async throws -> Result) async throws -> Result {
        let channel = try WebhookChannel(secret: secret, timeout: timeout)
        do {
            let result = try await body(channel)
            try await channel.shutdown()
            return result
        } catch {
            try await channel.shutdown()
            throw error
        }
    }
}
