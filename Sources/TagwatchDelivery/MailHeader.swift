import Foundation

/// Header values of an email written so that any name or subject survives a mail relay
/// (RFC 5322 §3.2, RFC 2047): ASCII as it is, anything else as UTF-8 encoded-words.
enum MailHeader {
    /// The longest line RFC 5322 §2.1.1 allows, without its CRLF.
    static let lineLimit = 998

    /// Refuses a value holding a line break or another control character: written into a
    /// header, it could end the header and add others (header injection).
    static func check(_ value: String, as what: String) throws(DeliveryFailure) {
        guard value.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) else {
            throw DeliveryFailure("\(what) holds a line break or a control character; refused, as it could add mail headers")
        }
    }

    /// A display name (`phrase`): as it is when only letters, digits and the like,
    /// quoted when it holds specials such as `.` or `,`, encoded when not ASCII.
    static func phrase(_ name: String) -> String {
        guard name.utf8.allSatisfy({ $0 < 0x80 }) else { return encodedWords(name) }
        let atext = Set("!#$%&'*+-/=?^_`{|}~ ".utf8)
        if name.utf8.allSatisfy({ isAlphanumeric($0) || atext.contains($0) }) { return name }
        return "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Unstructured text (a subject): as it is when ASCII and short enough for one line
    /// after `header`'s name, encoded-words folded over several lines otherwise.
    static func unstructured(_ text: String, header: String) -> String {
        let fits = header.utf8.count + 2 + text.utf8.count <= lineLimit
        return fits && text.utf8.allSatisfy({ $0 < 0x80 }) ? text : encodedWords(text)
    }

    /// `text` as `=?UTF-8?B?…?=` words of at most 75 characters (RFC 2047 §2), each holding
    /// whole characters, folded onto lines of their own.
    static func encodedWords(_ text: String) -> String {
        // 45 bytes make 60 base64 characters, 72 with the word's 12 of framing.
        let most = 45
        var words: [String] = []
        var chunk: [UInt8] = []
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunk.count + bytes.count > most {
                words.append(word(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append(word(chunk)) }
        return words.joined(separator: "\r\n ")
    }

    private static func word(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?" + Data(bytes).base64EncodedString() + "?="
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}
