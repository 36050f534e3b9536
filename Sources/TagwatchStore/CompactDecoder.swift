/// Reads ``CompactEncoder``'s form back, field by field in the order the type decodes
/// them. A value that runs short, or a list longer than what is left, throws.
struct CompactDecoder {
    static func decode<Value: Decodable>(_ type: Value.Type, from bytes: [UInt8]) throws -> Value {
        let source = CompactSource(bytes)
        guard try source.byte() == CompactEncoder.version else { throw CompactUnsupported(what: "a version other than \(CompactEncoder.version)") }
        let value = try Value(from: CompactReader(source: source))
        guard source.position == bytes.count else { throw CompactUnsupported(what: "bytes after the value") }
        return value
    }
}

final class CompactSource {
    let bytes: [UInt8]
    var position = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    struct Short: Error, CustomStringConvertible {
        var description: String { "the rule state's compact form ends too soon" }
    }

    func byte() throws -> UInt8 {
        guard position < bytes.count else { throw Short() }
        defer { position += 1 }
        return bytes[position]
    }

    func integer<Integer: FixedWidthInteger>(_ type: Integer.Type) throws -> Integer {
        let size = MemoryLayout<Integer>.size
        guard bytes.count - position >= size else { throw Short() }
        var value = Integer.zero
        withUnsafeMutableBytes(of: &value) { target in
            bytes.withUnsafeBytes { target.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[position..<(position + size)])) }
        }
        position += size
        return Integer(littleEndian: value)
    }

    func string() throws -> String {
        let count = Int(try integer(UInt32.self))
        guard bytes.count - position >= count else { throw Short() }
        defer { position += count }
        return String(decoding: bytes[position..<(position + count)], as: UTF8.self)
    }

    func count() throws -> Int {
        let count = Int(try integer(UInt32.self))
        // Every element takes at least one byte: a count past the end is damage.
        guard count <= bytes.count - position else { throw Short() }
        return count
    }
}

struct CompactReader: Decoder {
    let source: CompactSource
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(Keyed<Key>(source: source))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try Unkeyed(source: source)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        Single(source: source)
    }

    static func read<Value: Decodable>(_ type: Value.Type, from source: CompactSource) throws -> Value {
        switch type {
        case is Bool.Type: return try (source.byte() != 0) as! Value
        case is String.Type: return try source.string() as! Value
        case is Double.Type: return try Double(bitPattern: source.integer(UInt64.self)) as! Value
        case is Float.Type: return try Float(bitPattern: source.integer(UInt32.self)) as! Value
        case is Int.Type: return try Int(source.integer(Int64.self)) as! Value
        case is Int8.Type: return try source.integer(Int8.self) as! Value
        case is Int16.Type: return try source.integer(Int16.self) as! Value
        case is Int32.Type: return try source.integer(Int32.self) as! Value
        case is Int64.Type: return try source.integer(Int64.self) as! Value
        case is UInt.Type: return try UInt(source.integer(UInt64.self)) as! Value
        case is UInt8.Type: return try source.integer(UInt8.self) as! Value
        case is UInt16.Type: return try source.integer(UInt16.self) as! Value
        case is UInt32.Type: return try source.integer(UInt32.self) as! Value
        case is UInt64.Type: return try source.integer(UInt64.self) as! Value
        default: return try Value(from: CompactReader(source: source))
        }
    }

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let source: CompactSource
        var codingPath: [any CodingKey] = []
        var allKeys: [Key] { [] }

        /// Every field is there, in order; an optional one says so in its presence byte,
        /// read by ``decodeNil(forKey:)`` (the protocol's `decodeIfPresent` asks both).
        func contains(_ key: Key) -> Bool { true }
        func decodeNil(forKey key: Key) throws -> Bool { try source.byte() == 0 }
        func decode<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value { try CompactReader.read(type, from: source) }
        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try source.byte() != 0 }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try source.string() }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try Double(bitPattern: source.integer(UInt64.self)) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try Float(bitPattern: source.integer(UInt32.self)) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try Int(source.integer(Int64.self)) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try source.integer(Int64.self) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try source.integer(UInt8.self) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try source.integer(UInt32.self) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try source.integer(UInt64.self) }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            KeyedDecodingContainer(Keyed<NestedKey>(source: source))
        }
        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try Unkeyed(source: source) }
        func superDecoder() throws -> any Decoder { CompactReader(source: source) }
        func superDecoder(forKey key: Key) throws -> any Decoder { CompactReader(source: source) }
    }

    struct Unkeyed: UnkeyedDecodingContainer {
        let source: CompactSource
        var codingPath: [any CodingKey] = []
        let count: Int?
        private(set) var currentIndex = 0
        var isAtEnd: Bool { currentIndex >= count! }

        init(source: CompactSource) throws {
            self.source = source
            count = try source.count()
        }

        mutating func decodeNil() throws -> Bool { false }
        mutating func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
            guard !isAtEnd else { throw CompactSource.Short() }
            currentIndex += 1
            return try CompactReader.read(type, from: source)
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            currentIndex += 1
            return KeyedDecodingContainer(Keyed<NestedKey>(source: source))
        }
        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            currentIndex += 1
            return try Unkeyed(source: source)
        }
        mutating func superDecoder() throws -> any Decoder {
            currentIndex += 1
            return CompactReader(source: source)
        }
    }

    struct Single: SingleValueDecodingContainer {
        let source: CompactSource
        var codingPath: [any CodingKey] = []

        func decodeNil() -> Bool { false }
        func decode<Value: Decodable>(_ type: Value.Type) throws -> Value { try CompactReader.read(type, from: source) }
    }
}
