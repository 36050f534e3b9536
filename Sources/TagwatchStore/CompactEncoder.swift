/// A compact positional binary form for the devices' rule states, read and written for
/// every device in every batch: JSON spent most of a batch's fixed cost spelling out and
/// matching field names. Fields are written in the order a type encodes them, with no
/// names: little-endian fixed-width numbers, one byte for a flag, a length before each
/// string and each list, and a presence byte before each optional field. Only the shapes
/// the rule states use are supported; anything else (nil in a single value, dictionaries
/// with string keys, enums with payloads) throws rather than writing what could not be
/// read back. ``CompactDecoder`` reads it back.
struct CompactEncoder {
    /// The first byte of every value: tells this form from JSON (`{`) and its versions
    /// apart.
    static let version: UInt8 = 1

    static func encode<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        let sink = CompactSink()
        sink.bytes.append(version)
        try value.encode(to: CompactWriter(sink: sink))
        return sink.bytes
    }
}

/// The growing output, shared by every container of one value.
final class CompactSink {
    var bytes: [UInt8] = []

    func append<Integer: FixedWidthInteger>(_ value: Integer) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    func append(_ text: String) {
        let utf8 = Array(text.utf8)
        append(UInt32(utf8.count))
        bytes.append(contentsOf: utf8)
    }

    func patch(_ value: UInt32, at position: Int) {
        withUnsafeBytes(of: value.littleEndian) { for (offset, byte) in $0.enumerated() { bytes[position + offset] = byte } }
    }
}

struct CompactUnsupported: Error, CustomStringConvertible {
    var what: String
    var description: String { "the rule state's compact form cannot hold \(what)" }
}

struct CompactWriter: Encoder {
    let sink: CompactSink
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(Keyed<Key>(sink: sink))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        Unkeyed(sink: sink)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        Single(sink: sink)
    }

    static func write<Value: Encodable>(_ value: Value, to sink: CompactSink) throws {
        switch value {
        case let value as Bool: sink.bytes.append(value ? 1 : 0)
        case let value as String: sink.append(value)
        case let value as Double: sink.append(value.bitPattern)
        case let value as Float: sink.append(value.bitPattern)
        case let value as Int: sink.append(Int64(value))
        case let value as Int8: sink.append(value)
        case let value as Int16: sink.append(value)
        case let value as Int32: sink.append(value)
        case let value as Int64: sink.append(value)
        case let value as UInt: sink.append(UInt64(value))
        case let value as UInt8: sink.append(value)
        case let value as UInt16: sink.append(value)
        case let value as UInt32: sink.append(value)
        case let value as UInt64: sink.append(value)
        default: try value.encode(to: CompactWriter(sink: sink))
        }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let sink: CompactSink
        var codingPath: [any CodingKey] = []

        mutating func encodeNil(forKey key: Key) throws { sink.bytes.append(0) }
        mutating func encode<Value: Encodable>(_ value: Value, forKey key: Key) throws { try CompactWriter.write(value, to: sink) }
        // The rule states' own fields, written without a dynamic cast.
        mutating func encode(_ value: Bool, forKey key: Key) throws { sink.bytes.append(value ? 1 : 0) }
        mutating func encode(_ value: String, forKey key: Key) throws { sink.append(value) }
        mutating func encode(_ value: Double, forKey key: Key) throws { sink.append(value.bitPattern) }
        mutating func encode(_ value: Float, forKey key: Key) throws { sink.append(value.bitPattern) }
        mutating func encode(_ value: Int, forKey key: Key) throws { sink.append(Int64(value)) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { sink.append(value) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { sink.append(value) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { sink.append(value) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { sink.append(value) }

        // An absent optional must leave a mark, or the fields after it would be read in
        // its place; the protocol's defaults write nothing for nil.
        private func present<Value: Encodable>(_ value: Value?) throws {
            guard let value else { return sink.bytes.append(0) }
            sink.bytes.append(1)
            try CompactWriter.write(value, to: sink)
        }
        mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try present(value) }
        mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try present(value) }
        mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try present(value) }
        mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try present(value) }
        mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try present(value) }
        mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try present(value) }
        mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try present(value) }
        mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try present(value) }
        mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try present(value) }
        mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try present(value) }
        mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try present(value) }
        mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try present(value) }
        mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try present(value) }
        mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try present(value) }
        mutating func encodeIfPresent<Value: Encodable>(_ value: Value?, forKey key: Key) throws { try present(value) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            KeyedEncodingContainer(Keyed<NestedKey>(sink: sink))
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { Unkeyed(sink: sink) }
        mutating func superEncoder() -> any Encoder { CompactWriter(sink: sink) }
        mutating func superEncoder(forKey key: Key) -> any Encoder { CompactWriter(sink: sink) }
    }

    /// A list: its count first, patched as elements are added.
    struct Unkeyed: UnkeyedEncodingContainer {
        let sink: CompactSink
        let countAt: Int
        var codingPath: [any CodingKey] = []
        private(set) var count = 0

        init(sink: CompactSink) {
            self.sink = sink
            countAt = sink.bytes.count
            sink.append(UInt32(0))
        }

        private mutating func added() {
            count += 1
            sink.patch(UInt32(count), at: countAt)
        }

        mutating func encodeNil() throws { throw CompactUnsupported(what: "a nil in a list") }
        mutating func encode<Value: Encodable>(_ value: Value) throws {
            added()
            try CompactWriter.write(value, to: sink)
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            added()
            return KeyedEncodingContainer(Keyed<NestedKey>(sink: sink))
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            added()
            return Unkeyed(sink: sink)
        }
        mutating func superEncoder() -> any Encoder {
            added()
            return CompactWriter(sink: sink)
        }
    }

    struct Single: SingleValueEncodingContainer {
        let sink: CompactSink
        var codingPath: [any CodingKey] = []

        mutating func encodeNil() throws { throw CompactUnsupported(what: "a nil single value") }
        mutating func encode<Value: Encodable>(_ value: Value) throws { try CompactWriter.write(value, to: sink) }
    }
}
