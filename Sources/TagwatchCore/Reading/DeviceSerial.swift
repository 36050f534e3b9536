/// A device's serial number (`dev` in streams.md §2): 1 to 32 ASCII characters from
/// `[A-Za-z0-9_-]`, stored inline so that a reading never allocates.
///
/// The bytes are packed big-endian into four words, zero-padded, so comparing the words
/// in order compares the serials as strings.
public struct DeviceSerial: Hashable, Comparable, Sendable {
    /// The longest serial the contract allows.
    public static let maximumLength = 32

    @usableFromInline var w0: UInt64
    @usableFromInline var w1: UInt64
    @usableFromInline var w2: UInt64
    @usableFromInline var w3: UInt64
    /// Number of characters, 1...32.
    public let count: UInt8

    /// Validates and packs `bytes`; nil when the length or a character is outside the
    /// contract.
    @inlinable
    public init?(ascii bytes: UnsafeRawBufferPointer) {
        guard (1...Self.maximumLength).contains(bytes.count) else { return nil }
        for byte in bytes where !Self.isAllowed(byte) { return nil }
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: bytes) }
        w0 = UInt64(bigEndian: words.0)
        w1 = UInt64(bigEndian: words.1)
        w2 = UInt64(bigEndian: words.2)
        w3 = UInt64(bigEndian: words.3)
        count = UInt8(bytes.count)
    }

    /// No serial (count 0): never equal to one, a placeholder for lookups remembered.
    @usableFromInline static let none = DeviceSerial(w0: 0, w1: 0, w2: 0, w3: 0, count: 0)

    @usableFromInline init(w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64, count: UInt8) {
        (self.w0, self.w1, self.w2, self.w3, self.count) = (w0, w1, w2, w3, count)
    }

    /// Validates and packs a serial given as text.
    public init?(_ text: String) {
        var text = text
        guard let serial = text.withUTF8({ DeviceSerial(ascii: UnsafeRawBufferPointer($0)) }) else {
            return nil
        }
        self = serial
    }

    /// Whether `byte` may appear in a serial: `[A-Za-z0-9_-]`.
    @inlinable
    public static func isAllowed(_ byte: UInt8) -> Bool {
        // A bit per byte value: `-` (45), `0`-`9` (48-57), `A`-`Z` (65-90), `_` (95),
        // `a`-`z` (97-122).
        let low: UInt64 = 0x03FF_2000_0000_0000
        let high: UInt64 = 0x07FF_FFFE_87FF_FFFE
        switch byte >> 6 {
        case 0: return (low >> UInt64(byte & 63)) & 1 == 1
        case 1: return (high >> UInt64(byte & 63)) & 1 == 1
        default: return false
        }
    }

    /// The serial's characters, in order.
    public var bytes: [UInt8] {
        let words = (w0.bigEndian, w1.bigEndian, w2.bigEndian, w3.bigEndian)
        return withUnsafeBytes(of: words) { Array($0.prefix(Int(count))) }
    }

    public static func < (lhs: DeviceSerial, rhs: DeviceSerial) -> Bool {
        (lhs.w0, lhs.w1, lhs.w2, lhs.w3, lhs.count) < (rhs.w0, rhs.w1, rhs.w2, rhs.w3, rhs.count)
    }
}

extension DeviceSerial: CustomStringConvertible {
    public var description: String { String(decoding: bytes, as: UTF8.self) }
}

/// A serial is stored as its text, and checked again when read back.
extension DeviceSerial: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let serial = DeviceSerial(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(text) is not a device serial")
        }
        self = serial
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
