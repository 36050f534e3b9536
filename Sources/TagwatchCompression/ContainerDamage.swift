/// A damaged or unreadable range of a container, and what it cost (streams.md §1, §5).
public struct ContainerDamage: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// The compressed data is invalid (zlib's message is in `detail`).
        case badData = "bad-data"
        /// A gzip member's CRC-32 or length, or a zlib stream's Adler-32, does not match:
        /// its readings were read but may not be what the unit sent.
        case checksum
        /// The input ended inside a member.
        case truncated
        /// Bytes between or after members that are no member.
        case garbage
    }

    public var kind: Kind
    /// Offset in the compressed input where the damage was found.
    public var offset: Int
    /// Where the lost bytes begin: the end of the member's last whole deflate block, or
    /// the first byte that belongs to no member.
    public var lostFrom: Int
    /// Compressed bytes not decoded: from `lostFrom` to where reading went on (the next
    /// member header, or the end).
    public var bytesLost: Int
    /// The member it concerns (0-based), nil for bytes between members.
    public var member: Int?
    public var detail: String

    public init(kind: Kind, offset: Int, lostFrom: Int? = nil, bytesLost: Int, member: Int?, detail: String) {
        self.kind = kind
        self.offset = offset
        self.lostFrom = lostFrom ?? offset
        self.bytesLost = bytesLost
        self.member = member
        self.detail = detail
    }
}
