import TagwatchCaseload
/// The centre's mailbox in an email's `From:` (alerts.md, "The follow-up worker"), e.g.
/// `Tagwatch <tagwatch@localhost>`; its domain also ends each `Message-ID`.
struct MailSender: Sendable {
    let mailbox: String
    let domain: String

    init(name: String, address: String) throws(DeliveryFailure) {
        try MailHeader.check(name, as: "the sender's name")
        guard Notify.isMailAddress(address) else {
            throw DeliveryFailure("the sender's address '\(address)' is not a mail address")
        }
        mailbox = Self.mailbox(name: name, address: address)
        domain = String(address[address.index(after: address.lastIndex(of: "@")!)...])
    }

    /// `Name <address>`, or the bare address when there is no name.
    static func mailbox(name: String, address: String) -> String {
        name.isEmpty ? address : "\(MailHeader.phrase(name)) <\(address)>"
    }
}
