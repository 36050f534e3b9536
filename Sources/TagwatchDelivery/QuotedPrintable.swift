/// The body of an email as quoted-printable (RFC 2045 §6.7): every line of the text, in
/// any line-break convention, comes out as short 7-bit lines ending in CRLF, so any text
/// passes any relay and no line nears RFC 5322's 998-octet limit.
enum QuotedPrintable {
    /// Encoded lines stay within this many characters (RFC 2045's limit).
    static let lineLength = 76

    static func encode(_ text: String) -> [UInt8] {
        var output: [UInt8] = []
        for line in lines(of: Array(text.utf8)) {
            var width = 0
            for (index, byte) in line.enumerated() {
                let isLast = index == line.count - 1
                let piece = encoded(byte, atLineEnd: isLast)
                // A soft break ("=") takes a column; the last piece of a line needs none.
                let room = isLast ? lineLength : lineLength - 1
                if width + piece.count > room {
                    output += Array("=\r\n".utf8)
                    width = 0
                }
                output += piece
                width += piece.count
            }
            output += [0x0D, 0x0A]
        }
        return output
    }

    /// The text's lines, split at CRLF, LF or a lone CR.
    private static func lines(of bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0D || bytes[index] == 0x0A {
                lines.append(bytes[start..<index])
                index += bytes[index] == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
                start = index
            } else {
                index += 1
            }
        }
        if start < bytes.count || lines.isEmpty { lines.append(bytes[start...]) }
        return lines
    }

    /// A byte as itself when printable (`=` aside) and, for a space or tab, not the last of
    /// its line; as `=XX` otherwise.
    private static func encoded(_ byte: UInt8, atLineEnd: Bool) -> [UInt8] {
        let isBlank = byte == 0x20 || byte == 0x09
        if (0x21...0x7E).contains(byte) && byte != 0x3D || isBlank && !atLineEnd {
            return [byte]
        }
        let digits = Array("0123456789ABCDEF".utf8)
        return [0x3D, digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
    }
}
