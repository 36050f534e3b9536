import Foundation

/// Who acts, as the history and the audit log name them. A person's id is checked so that
/// it reads as what it is: one line, no control or direction-changing characters (which
/// could repaint a terminal or make the log say something else than it holds), and never
/// one of the names the software writes for itself.
public enum PersonID {
    /// The actors the software records for its own work.
    public static let reserved: Set<String> = ["rules", "ingest", "system"]
    public static let limit = 200

    /// `text` trimmed, when it is a usable person's id.
    public static func check(_ text: String) throws(StoreError) -> String {
        let id = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !id.isEmpty, id.count <= limit else {
            throw StoreError(.refused, "a person's id (--by) must be 1 to \(limit) characters", advice: "give your operator or officer id")
        }
        guard !id.unicodeScalars.contains(where: { isControl($0) || isFormat($0) }) else {
            throw StoreError(.refused, "a person's id (--by) must be one line of visible characters", advice: "give your operator or officer id")
        }
        guard !reserved.contains(id.lowercased()) else {
            throw StoreError(.refused, "'\(id)' names the software's own work, not a person",
                             advice: "give your operator or officer id; only people act on alerts")
        }
        return id
    }

    /// `text` trimmed, when it is a usable note: new lines and tabs are kept, other
    /// control characters and direction overrides refused.
    public static func checkNote(_ text: String, limit: Int) throws(StoreError) -> String {
        let note = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !note.isEmpty, note.count <= limit else {
            throw StoreError(.refused, "a note is required, at most \(limit) characters", advice: "say what was done or found")
        }
        guard !note.unicodeScalars.contains(where: { ($0 != "\n" && $0 != "\t" && isControl($0)) || isDirectionOverride($0) }) else {
            throw StoreError(.refused, "a note may not hold control characters or text-direction overrides", advice: "type the note as plain text")
        }
        return note
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control
    }

    private static func isFormat(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .format
    }

    private static func isDirectionOverride(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
            || scalar.value == 0x200E || scalar.value == 0x200F || scalar.value == 0x061C
    }
}
