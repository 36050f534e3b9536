/// Decoding of JSON string escapes, for the rare key or value that uses them.
enum JSONStrings {
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// The UTF-8 bytes of a string's contents whose escapes the parser already validated.
    /// A lone surrogate becomes U+FFFD.
    static func unescape(_ contents: UnsafeRawBufferPointer) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(contents.count)
        var index = 0
        func codeUnit(at position: Int) -> UInt32 {
            (position..<(position + 4)).reduce(0) { $0 << 4 | UInt32(hexValue(contents[$1]) ?? 0) }
        }
        while index < contents.count {
            let byte = contents[index]
            guard byte == UInt8(ascii: "\\") else {
                output.append(byte)
                index += 1
                continue
            }
            let escape = contents[index + 1]
            index += 2
            switch escape {
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = codeUnit(at: index)
                index += 4
                if (0xD800..<0xDC00).contains(scalar), index + 6 <= contents.count,
                   contents[index] == UInt8(ascii: "\\"), contents[index + 1] == UInt8(ascii: "u") {
                    let low = codeUnit(at: index + 2)
                    if (0xDC00..<0xE000).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        index += 6
                    }
                }
                output.append(contentsOf: String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8)
            default: output.append(escape)
            }
        }
        return output
    }
}
