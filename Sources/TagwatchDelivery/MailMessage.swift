import TagwatchCaseload
import Crypto

/// The email of a notification for the site's mail relay (alerts.md, "The follow-up
/// worker"; RFC 5322, MIME): headers, a blank line, the text as quoted-printable UTF-8,
/// every line ending in CRLF.
///
/// Everything in it comes from the notification (its `Date:` is when the notification was
/// written), so writing the same notification again gives the same bytes; `Message-ID`
/// and `Idempotency-Key` let the relay or a reader drop a repeat.
struct MailMessage {
    let bytes: [UInt8]

    init(_ notification: OutboxNotification, to address: String, from sender: MailSender) throws(DeliveryFailure) {
        let recipient = notification.recipient
        try MailHeader.check(recipient.name, as: "the recipient's name")
        try MailHeader.check(notification.mailSubject, as: "the subject")
        try MailHeader.check(notification.key, as: "the idempotency key")
        try MailHeader.check(notification.event, as: "the event")
        guard Notify.isMailAddress(address) else {
            throw DeliveryFailure("\(recipient.name)'s email address '\(address)' is not a mail address")
        }
        guard notification.key.utf8.allSatisfy({ $0 < 0x80 }), notification.event.utf8.allSatisfy({ $0 < 0x80 }) else {
            throw DeliveryFailure("the idempotency key and the event must be ASCII to be mail headers")
        }
        let fields = [
            ("From", sender.mailbox),
            ("To", MailSender.mailbox(name: recipient.name, address: address)),
            ("Subject", MailHeader.unstructured(notification.mailSubject, header: "Subject")),
            ("Date", MailDate.text(milliseconds: notification.createdAt)),
            ("Message-ID", "<\(Self.digest(of: notification.key))@\(sender.domain)>"),
            ("Idempotency-Key", notification.key),
            ("X-Tagwatch-Event", notification.event),
            ("MIME-Version", "1.0"),
            ("Content-Type", "text/plain; charset=utf-8"),
            ("Content-Transfer-Encoding", "quoted-printable"),
        ]
        var head = ""
        for (name, value) in fields {
            let field = "\(name): \(value)"
            for line in field.split(separator: "\r\n", omittingEmptySubsequences: false) where line.utf8.count > MailHeader.lineLimit {
                throw DeliveryFailure("the \(name) header would be longer than \(MailHeader.lineLimit) octets")
            }
            head += field + "\r\n"
        }
        bytes = Array((head + "\r\n").utf8) + QuotedPrintable.encode(notification.mailText)
    }

    /// The lowercase hex SHA-256 of `key`: the spool file's name and the `Message-ID`'s
    /// left part, whatever characters the key holds.
    static func digest(of key: String) -> String {
        SHA256.hash(data: Array(key.utf8)).lowercaseHex
    }
}
