/// The fields of one NDJSON reading line that the contract names, as found by
/// ``JSONLineParser``: each field's JSON type and where its value lies in the line.
///
/// Unknown fields are validated and skipped; a repeated field keeps its last value, as
/// common JSON parsers do. A decoder keeps one and the parser refills it for every line,
/// so parsing a line allocates and copies nothing.
struct JSONLine {
    /// The field names streams.md §2.2 uses, across all kinds.
    enum Field: Int, CaseIterable {
        case dev, seq, t, k, tac, ir, temp, `in`, rssi, ok, mains, moved, open, pct, lat, lon, acc

        var name: String {
            switch self {
            case .dev: "dev"
            case .seq: "seq"
            case .t: "t"
            case .k: "k"
            case .tac: "tac"
            case .ir: "ir"
            case .temp: "temp"
            case .in: "in"
            case .rssi: "rssi"
            case .ok: "ok"
            case .mains: "mains"
            case .moved: "moved"
            case .open: "open"
            case .pct: "pct"
            case .lat: "lat"
            case .lon: "lon"
            case .acc: "acc"
            }
        }
    }

    enum ValueType: UInt8 {
        case absent, string, number, bool, null, object, array

        var name: String {
            switch self {
            case .absent: "absent"
            case .string: "a string"
            case .number: "a number"
            case .bool: "a boolean"
            case .null: "null"
            case .object: "an object"
            case .array: "an array"
            }
        }
    }

    struct Value {
        var type: ValueType = .absent
        /// The value's bytes: a string's contents without quotes, a number's text.
        var start: Int32 = 0
        var end: Int32 = 0
        /// A string with escapes, or a number with a fraction or exponent.
        var flag = false
        /// For a boolean, its value.
        var boolValue: Bool { flag }
    }

    private var values = [Value](repeating: Value(), count: Field.allCases.count)

    subscript(field: Field) -> Value {
        get { values[field.rawValue] }
        set { values[field.rawValue] = newValue }
    }

    /// Forgets the previous line's fields.
    mutating func reset() {
        values.withUnsafeMutableBufferPointer { $0.update(repeating: Value()) }
    }

    /// The field a key names, for keys without escapes.
    static func field(named key: UnsafeRawBufferPointer) -> Field? {
        func equals(_ text: StaticString) -> Bool {
            guard text.utf8CodeUnitCount == key.count else { return false }
            for index in 0..<key.count where text.utf8Start[index] != key[index] { return false }
            return true
        }
        switch key.count {
        case 1:
            switch key[0] {
            case UInt8(ascii: "t"): return .t
            case UInt8(ascii: "k"): return .k
            default: return nil
            }
        case 2:
            if equals("in") { return .in }
            if equals("ir") { return .ir }
            if equals("ok") { return .ok }
            return nil
        case 3:
            if equals("dev") { return .dev }
            if equals("seq") { return .seq }
            if equals("tac") { return .tac }
            if equals("pct") { return .pct }
            if equals("lat") { return .lat }
            if equals("lon") { return .lon }
            if equals("acc") { return .acc }
            return nil
        case 4:
            if equals("temp") { return .temp }
            if equals("rssi") { return .rssi }
            if equals("open") { return .open }
            return nil
        case 5:
            if equals("mains") { return .mains }
            if equals("moved") { return .moved }
            return nil
        default:
            return nil
        }
    }
}
