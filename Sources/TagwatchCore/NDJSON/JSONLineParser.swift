/// A strict JSON (RFC 8259) parser for one NDJSON line that must hold one object.
///
/// It records the contract's fields (``JSONLine``) and validates everything else without
/// building values, iteratively, so a hostile line nested thousands deep costs no stack.
struct JSONLineParser {
    /// How deep unknown fields may nest before the line is rejected.
    static let maximumDepth = 512

    struct Failure: Error {
        var detail: String
    }

    private let bytes: UnsafeRawBufferPointer
    private var index = 0

    private init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// Parses `line` into `fields`. Returns false for a blank line.
    static func parse(_ line: UnsafeRawBufferPointer, into fields: inout JSONLine) throws(Failure) -> Bool {
        var parser = JSONLineParser(line)
        parser.skipWhitespace()
        if parser.index == line.count { return false }
        guard parser.peek == UInt8(ascii: "{") else {
            throw Failure(detail: "line is not a JSON object (starts with \(parser.describeCurrent()))")
        }
        fields.reset()
        try parser.parseTopObject(into: &fields)
        parser.skipWhitespace()
        guard parser.index == line.count else {
            throw parser.failure("unexpected \(parser.describeCurrent()) after the JSON object")
        }
        return true
    }

    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    private func failure(_ text: String) -> Failure {
        Failure(detail: "\(text) at column \(index + 1)")
    }

    private func describeCurrent() -> String {
        guard let byte = peek else { return "end of line" }
        if byte >= 0x20, byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(hex(byte))"
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws(Failure) {
        guard peek == byte else { throw failure("expected \(what), found \(describeCurrent())") }
        index += 1
    }

    private mutating func parseTopObject(into line: inout JSONLine) throws(Failure) {
        index += 1
        skipWhitespace()
        if peek == UInt8(ascii: "}") {
            index += 1
            return
        }
        while true {
            skipWhitespace()
            guard peek == UInt8(ascii: "\"") else { throw failure("expected a field name, found \(describeCurrent())") }
            let key = try scanString()
            skipWhitespace()
            try expect(UInt8(ascii: ":"), "':' after a field name")
            skipWhitespace()
            let value = try scanValue()
            if let field = fieldNamed(key) { line[field] = value }
            skipWhitespace()
            switch peek {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                return
            default: throw failure("expected ',' or '}' in the object, found \(describeCurrent())")
            }
        }
    }

    private func fieldNamed(_ key: JSONLine.Value) -> JSONLine.Field? {
        if !key.flag {
            return JSONLine.field(named: UnsafeRawBufferPointer(rebasing: bytes[Int(key.start)..<Int(key.end)]))
        }
        let decoded = JSONStrings.unescape(UnsafeRawBufferPointer(rebasing: bytes[Int(key.start)..<Int(key.end)]))
        return decoded.withUnsafeBytes { JSONLine.field(named: $0) }
    }

    /// Whether a byte inside a string is anything but plain printable ASCII: a quote, a
    /// backslash, a control character, or part of a multi-byte character.
    @inline(__always)
    private static func needsAttention(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte >= 0x80 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    /// Scans a string starting at its opening quote; the value spans its contents.
    private mutating func scanString() throws(Failure) -> JSONLine.Value {
        index += 1
        let start = index
        var escaped = false
        var nonASCII = false
        while index < bytes.count {
            let byte = bytes[index]
            if !Self.needsAttention(byte) {
                index += 1
                continue
            }
            if byte == UInt8(ascii: "\"") {
                let value = JSONLine.Value(type: .string, start: Int32(start), end: Int32(index), flag: escaped)
                index += 1
                if nonASCII, String(validating: UnsafeRawBufferPointer(rebasing: bytes[start..<(index - 1)]), as: UTF8.self) == nil {
                    throw Failure(detail: "string at column \(start) is not valid UTF-8")
                }
                return value
            }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                try scanEscape()
                continue
            }
            if byte < 0x20 { throw failure("control character 0x\(hex(byte)) inside a string") }
            if byte >= 0x80 { nonASCII = true }
            index += 1
        }
        throw failure("string is not closed")
    }

    private mutating func scanEscape() throws(Failure) {
        guard index + 1 < bytes.count else { throw failure("string is not closed") }
        switch bytes[index + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
             UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            index += 2
        case UInt8(ascii: "u"):
            guard index + 6 <= bytes.count else { throw failure("incomplete \\u escape") }
            for offset in 2..<6 where JSONStrings.hexValue(bytes[index + offset]) == nil {
                throw failure("invalid \\u escape")
            }
            index += 6
        default:
            throw failure("invalid escape in a string")
        }
    }

    /// Scans one value of any type; nested containers are validated and skipped.
    private mutating func scanValue() throws(Failure) -> JSONLine.Value {
        guard let byte = peek else { throw failure("expected a value, found end of line") }
        switch byte {
        case UInt8(ascii: "\""):
            return try scanString()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try scanNumber()
        case UInt8(ascii: "t"):
            try scanLiteral("true")
            return JSONLine.Value(type: .bool, flag: true)
        case UInt8(ascii: "f"):
            try scanLiteral("false")
            return JSONLine.Value(type: .bool, flag: false)
        case UInt8(ascii: "n"):
            try scanLiteral("null")
            return JSONLine.Value(type: .null)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let type: JSONLine.ValueType = byte == UInt8(ascii: "{") ? .object : .array
            try skipContainer()
            return JSONLine.Value(type: type)
        default:
            throw failure("expected a value, found \(describeCurrent())")
        }
    }

    private mutating func scanLiteral(_ literal: StaticString) throws(Failure) {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw failure("expected \(literal)") }
        for offset in 0..<count where bytes[index + offset] != literal.utf8Start[offset] {
            throw failure("expected \(literal)")
        }
        index += count
    }

    /// Scans a number by the JSON grammar; `flag` marks a fraction or an exponent.
    private mutating func scanNumber() throws(Failure) -> JSONLine.Value {
        let start = index
        var hasFraction = false
        if peek == UInt8(ascii: "-") { index += 1 }
        guard let first = peek, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") else {
            throw failure("expected a digit")
        }
        index += 1
        if first != UInt8(ascii: "0") { skipDigits() }
        if peek == UInt8(ascii: ".") {
            hasFraction = true
            index += 1
            guard try requireDigit() else { throw failure("expected a digit after '.'") }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            hasFraction = true
            index += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
            guard try requireDigit() else { throw failure("expected a digit in the exponent") }
        }
        return JSONLine.Value(type: .number, start: Int32(start), end: Int32(index), flag: hasFraction)
    }

    private mutating func requireDigit() throws(Failure) -> Bool {
        guard let byte = peek, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return false }
        skipDigits()
        return true
    }

    private mutating func skipDigits() {
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            index += 1
        }
    }

    /// Validates and skips an object or array, with an explicit stack so nesting costs
    /// no recursion.
    private mutating func skipContainer() throws(Failure) {
        var stack = NestingStack()
        try push(&stack, isObject: bytes[index] == UInt8(ascii: "{"))
        index += 1
        // After an opening bracket an immediate close is allowed.
        var justOpened = true
        while !stack.isEmpty {
            skipWhitespace()
            if justOpened, peek == stack.closingByte {
                index += 1
                stack.pop()
                justOpened = false
                try afterValue(&stack)
                continue
            }
            justOpened = false
            if stack.topIsObject {
                guard peek == UInt8(ascii: "\"") else { throw failure("expected a field name, found \(describeCurrent())") }
                _ = try scanString()
                skipWhitespace()
                try expect(UInt8(ascii: ":"), "':' after a field name")
                skipWhitespace()
            }
            if peek == UInt8(ascii: "{") || peek == UInt8(ascii: "[") {
                try push(&stack, isObject: peek == UInt8(ascii: "{"))
                index += 1
                justOpened = true
                continue
            }
            _ = try scanValue()
            try afterValue(&stack)
        }
    }

    private func push(_ stack: inout NestingStack, isObject: Bool) throws(Failure) {
        guard stack.depth < Self.maximumDepth else { throw failure("nested deeper than \(Self.maximumDepth) levels") }
        stack.push(isObject: isObject)
    }

    /// After a value inside a container: a ',' continues it; closing brackets end it and
    /// any container they complete.
    private mutating func afterValue(_ stack: inout NestingStack) throws(Failure) {
        while !stack.isEmpty {
            skipWhitespace()
            if peek == UInt8(ascii: ",") {
                index += 1
                return
            }
            let close = stack.closingByte
            guard peek == close else {
                throw failure("expected ',' or '\(Character(Unicode.Scalar(close)))', found \(describeCurrent())")
            }
            index += 1
            stack.pop()
        }
    }
}

/// Which containers enclose the parser, a bit per level (set for an object), up to
/// ``JSONLineParser/maximumDepth`` levels.
private struct NestingStack {
    private var bits = InlineArray<8, UInt64>(repeating: 0)
    private(set) var depth = 0

    var isEmpty: Bool { depth == 0 }

    mutating func push(isObject: Bool) {
        let word = depth >> 6, bit = UInt64(1) << UInt64(depth & 63)
        if isObject { bits[word] |= bit } else { bits[word] &= ~bit }
        depth += 1
    }

    mutating func pop() { depth -= 1 }

    var topIsObject: Bool {
        let level = depth - 1
        return bits[level >> 6] & (UInt64(1) << UInt64(level & 63)) != 0
    }

    var closingByte: UInt8 { topIsObject ? UInt8(ascii: "}") : UInt8(ascii: "]") }
}
