/// A message body for a person: paragraphs wrapped at 78 columns (RFC 5322's
/// recommended line length, so a mail client shows it as written), headings, and
/// indented lines for commands and lists.
struct PlainText {
    static let width = 78
    private(set) var lines: [String] = []

    /// A paragraph, wrapped; continuation lines get `hanging` more spaces than the first.
    mutating func paragraph(_ text: String, indent: Int = 0, hanging: Int = 0) {
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        var line = String(repeating: " ", count: indent)
        var empty = true
        for word in words {
            if !empty, line.count + 1 + word.count > Self.width {
                lines.append(line)
                line = String(repeating: " ", count: indent + hanging)
                empty = true
            }
            var rest = Substring(word)
            // A word longer than a line (a long URL or error text) is cut where it must be;
            // the line holds nothing but its indent here.
            while line.count + rest.count > Self.width {
                let room = Self.width - line.count
                lines.append(line + rest.prefix(room))
                rest = rest.dropFirst(room)
                line = String(repeating: " ", count: indent + hanging)
            }
            line += (empty ? "" : " ") + rest
            empty = false
        }
        lines.append(line)
    }

    /// A blank line, then `title` on its own line.
    mutating func heading(_ title: String) {
        blank()
        lines.append(title)
    }

    mutating func blank() {
        lines.append("")
    }

    var text: String { lines.joined(separator: "\n") + "\n" }
}
