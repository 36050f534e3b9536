/// Who a notification is for and how they are reached, as the caseload names them
/// (alerts.md, "The follow-up worker": officers, and the centre).
public struct Recipient: Sendable, Hashable {
    /// The channel and where on it.
    public enum Address: Sendable, Hashable {
        /// An HTTP or HTTPS URL that takes a POST of the JSON body.
        case webhook(url: String)
        /// A mailbox (`local@domain`) the site's mail relay delivers to.
        case email(address: String)
    }

    /// The person's or the centre's name, shown in an email's `To:`.
    public var name: String
    public var address: Address

    public init(name: String, address: Address) {
        self.name = name
        self.address = address
    }
}
