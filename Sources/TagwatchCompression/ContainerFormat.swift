/// The containers a stream can arrive in (streams.md §1), recognised by content, never
/// by file name.
public enum ContainerFormat: String, Sendable, CaseIterable {
    /// RFC 1952, first bytes `1f 8b 08`; may hold several members back to back.
    case gzip
    /// RFC 1950, first byte `0x78` and `(b0*256+b1) % 31 == 0`.
    case zlib
    /// Anything else.
    case plain

    /// Bytes needed to recognise a container.
    public static let recognitionLength = 3

    /// The container of a stream starting with `prefix` (fewer bytes than
    /// ``recognitionLength`` only when the stream is that short).
    public static func recognise(_ prefix: some Collection<UInt8>) -> ContainerFormat {
        let bytes = Array(prefix.prefix(recognitionLength))
        if bytes.count >= 3, bytes[0] == 0x1F, bytes[1] == 0x8B, bytes[2] == 0x08 { return .gzip }
        if bytes.count >= 2, bytes[0] == 0x78, (Int(bytes[0]) * 256 + Int(bytes[1])) % 31 == 0 { return .zlib }
        return .plain
    }
}
