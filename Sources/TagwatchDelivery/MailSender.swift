/// The centre's mailbox in an email's `From:` (alerts.md, "The follow-up worker"), e.g.
/// `Tagwatch <tagwatch@localhost>`; its domain also ends each `Message-ID`.
struct MailSender: Sendable {
    let mailbox: String
    let domain: String

    init(name: String, address: String) throws(DeliveryFailure) {
        try MailHeader.check(name, as: "the sender's name")
        guard Self.isMailAddress(address) else {
            throw DeliveryFailure("the sender's address '\(address)' is not a mail address")
        }
        mailbox = Self.mailbox(name: name, address: address)
        domain = String(address[address.index(after: address.lastIndex(of: "@")!)...])
    }

    /// `Name <address>`, or the bare address when there is no name.
    static func mailbox(name: String, address: String) -> String {
        name.isEmpty ? address : "\(MailHeader.phrase(name)) <\(address)>"
    }

    /// A plain `local@domain` (RFC 5322 §3.4.1, dot-atoms only): printable ASCII without
    /// spaces or specials, one `@`, something on either side. Quoted local parts and
    /// address literals are refused rather than half understood.
    static func isMailAddress(_ address: String) -> Bool {
        let specials = Set("()<>[]:;@\\,\"".utf8)
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        return parts.allSatisfy { part in
            !part.isEmpty && !part.hasPrefix(".") && !part.hasSuffix(".") && !part.contains("..")
                && part.utf8.allSatisfy { (0x21...0x7E).contains($0) && !specials.contains($0) }
        }
    }
}
