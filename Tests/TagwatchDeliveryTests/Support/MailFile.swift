import Foundation

/// An email read back from the spool as a relay would: header fields (unfolded), the raw
/// body, and the body decoded from quoted-printable, all by code written here from the
/// RFCs rather than by the code under test.
struct MailFile {
    let bytes: [UInt8]
    let fields: [(name: String, value: String)]
    let rawBody: String

    init(path: String) throws {
        bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let text = String(decoding: bytes, as: UTF8.self)
        let parts = text.components(separatedBy: "\r\n\r\n")
        let head = parts[0].replacingOccurrences(of: "\r\n ", with: " ")
        fields = head.components(separatedBy: "\r\n").map { line in
            let colon = line.firstIndex(of: ":")!
            return (String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
        }
        rawBody = parts.dropFirst().joined(separator: "\r\n\r\n")
    }

    func field(_ name: String) -> String? {
        fields.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The file's lines, split at CRLF only; a bare CR or LF stays inside a line.
    var lines: [[UInt8]] {
        var lines: [[UInt8]] = [[]]
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                lines.append([])
                index += 2
            } else {
                lines[lines.count - 1].append(bytes[index])
                index += 1
            }
        }
        return lines
    }

    /// The body decoded from quoted-printable (RFC 2045 §6.7): `=` CRLF joins lines,
    /// `=XX` is a byte.
    var decodedBody: String {
        let joined = Array(rawBody.replacingOccurrences(of: "=\r\n", with: "").utf8)
        var bytes: [UInt8] = []
        var index = 0
        while index < joined.count {
            if joined[index] == UInt8(ascii: "="), index + 2 < joined.count,
               let byte = UInt8(String(decoding: joined[index + 1...index + 2], as: UTF8.self), radix: 16) {
                bytes.append(byte)
                index += 3
            } else {
                bytes.append(joined[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A header value made of RFC 2047 `=?UTF-8?B?…?=` words (unfolded), decoded and joined:
    /// the space between two encoded words is not part of the text.
    static func decodeWords(_ value: String) -> String {
        let bytes = value.components(separatedBy: " ").flatMap { word -> [UInt8] in
            guard word.hasPrefix("=?UTF-8?B?"), word.hasSuffix("?="),
                  let data = Data(base64Encoded: String(word.dropFirst(10).dropLast(2))) else { return Array("<not an encoded word: \(word)>".utf8) }
            return Array(data)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
