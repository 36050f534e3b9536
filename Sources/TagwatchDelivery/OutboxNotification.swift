/// One prompt to one person or place, as the outbox holds it (alerts.md, "The follow-up
/// worker"): the caller has already written the JSON body and the mail text, so every
/// channel sends exactly what the outbox row says, and a retry sends the same bytes.
///
/// Not plain `Notification`: that name is Foundation's too, and a file importing both
/// modules could not use it unqualified.
public struct OutboxNotification: Sendable, Hashable {
    /// The idempotency key, the same on every retry of this notification, so a receiver
    /// can drop repeats.
    public var key: String
    /// What happened: `opened`, `confirmed`, `escalated`, `transition`, `summary`,
    /// `delivery_failed`, …
    public var event: String
    public var recipient: Recipient
    /// The webhook body, JSON already encoded (`{"event": …, "alert": {…}}`).
    public var body: [UInt8]
    public var mailSubject: String
    /// The plain text of the email, any line breaks (they are sent as CRLF).
    public var mailText: String
    /// When the notification was written to the outbox, in milliseconds since the Unix
    /// epoch. An email is dated by it, so a message written again is the same message.
    public var createdAt: Int64

    public init(key: String, event: String, recipient: Recipient, body: [UInt8],
                mailSubject: String, mailText: String, createdAt: Int64) {
        self.key = key
        self.event = event
        self.recipient = recipient
        self.body = body
        self.mailSubject = mailSubject
        self.mailText = mailText
        self.createdAt = createdAt
    }
}
