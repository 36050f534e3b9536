/// Constants of the `TWR1` binary encoding (streams.md §2.1).
public enum TWR1Format {
    /// `"TWR1"`, version 1, flags 0, reserved 0.
    public static let header: [UInt8] = [0x54, 0x57, 0x52, 0x31, 1, 0, 0, 0]
    public static let headerSize = 8
    public static let syncByte: UInt8 = 0xA7
    /// The largest `len` a record may declare.
    public static let maximumBodyLength = 1024
    /// Sync, kind and `len` before the body; CRC after it.
    public static let framePrefixSize = 4
    public static let crcSize = 4
    /// A whole record's size for a body of `bodyLength` bytes.
    @inlinable
    public static func recordSize(bodyLength: Int) -> Int { framePrefixSize + bodyLength + crcSize }
    /// The body bytes that precede the payload: devLen, dev, seq and t.
    public static func bodySize(serialLength: Int, kind: ReadingKind) -> Int {
        1 + serialLength + 4 + 8 + kind.binaryPayloadSize
    }

    /// CRC-32 (the zlib/gzip polynomial) of `bytes`.
    @inlinable
    public static func crc32(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        CRC32.checksum(bytes)
    }

    /// Whether `bytes` starts with the 8-byte header exactly.
    @inlinable
    static func isHeader(_ bytes: UnsafeRawBufferPointer, at index: Int) -> Bool {
        guard bytes.count - index >= headerSize else { return false }
        return bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) == headerWord
    }

    /// The header as a little-endian word, for a one-load comparison.
    @usableFromInline static let headerWord: UInt64 = 0x0000_0001_3152_5754
}
