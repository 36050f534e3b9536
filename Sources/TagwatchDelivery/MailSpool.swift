import NIOPosix

/// Delivers a notification by email: an RFC 5322 message written to the spool folder the
/// site's mail relay sends from (alerts.md, "The follow-up worker").
///
/// The file's name is the SHA-256 of the idempotency key with `.eml`, so delivering one
/// notification twice (a retry, a worker restarted before recording its delivery)
/// leaves one file, the same bytes each time. Once the relay has taken a file away, a
/// second delivery writes it again; its `Message-ID` shows it as the same message.
///
/// The channel reads no clock: a message is dated by its notification's `createdAt`.
public struct MailSpool: DeliveryChannel {
    /// The spool folder.
    public var folder: String { spool.path }
    private let spool: SpoolFolder
    private let sender: MailSender

    /// A spool in `folder` (made if missing, in a folder that exists), its messages from
    /// `senderName <senderAddress>`.
    public init(folder: String, senderName: String = "Tagwatch", senderAddress: String = "tagwatch@localhost") throws(DeliverySetupError) {
        do throws(DeliveryFailure) {
            sender = try MailSender(name: senderName, address: senderAddress)
        } catch {
            throw DeliverySetupError(error.reason, advice: "give the centre's name and a plain address such as tagwatch@example.org")
        }
        spool = try SpoolFolder(path: folder)
    }

    public func deliver(_ notification: OutboxNotification) async -> DeliveryOutcome {
        guard case .email(let address) = notification.recipient.address else {
            return .failed(reason: "\(notification.recipient.name) has a webhook URL; the mail spool writes emails only")
        }
        do {
            let message = try MailMessage(notification, to: address, from: sender)
            let name = MailMessage.digest(of: notification.key) + ".eml"
            // Writing and flushing block: done on NIO's thread pool, not on a thread of
            // the concurrency pool that other deliveries share.
            try await NIOThreadPool.singleton.runIfActive { [spool] in try spool.write(message.bytes, as: name) }
            return .delivered
        } catch let failure as DeliveryFailure {
            return .failed(reason: failure.reason)
        } catch {
            return .failed(reason: "could not write to the mail spool folder \(folder): \(error)")
        }
    }
}
