import Crypto
import Foundation

/// One entry of the append-only audit log (alerts.md, "What people do"; caseload.md):
/// who or what did what to what, and when. Each entry carries the hash of the one
/// before it, so a changed, inserted or deleted entry breaks the chain (``Store/verifyAudit()``).
public struct AuditEntry: Sendable, Equatable {
    public var id: Int64
    /// Wall-clock time, milliseconds since the epoch.
    public var at: Int64
    /// A person's id, or `ingest`/`system` for what the software did on a command.
    public var actor: String
    /// `caseload.load`, `ingest`, `alert.acknowledged`, `alert.noted`, `alert.resolved`, `purge`.
    public var action: String
    /// What it was done to: `alert 12`, `caseload`, `batch`, `evidence`.
    public var target: String
    /// The particulars, as JSON with sorted keys.
    public var details: String
    public var previousHash: String
    public var hash: String

    /// The `previousHash` of the first entry.
    public static let genesis = String(repeating: "0", count: 64)

    /// SHA-256 (hex) over every field but `hash`, each length-prefixed so no two
    /// different entries have the same image.
    public var computedHash: String {
        var image = Data()
        for field in [String(id), String(at), actor, action, target, details, previousHash] {
            let bytes = Data(field.utf8)
            image.append(contentsOf: "\(bytes.count):".utf8)
            image.append(bytes)
        }
        return SHA256.hex(image)
    }
}

extension SHA256 {
    /// The SHA-256 of `data` in lowercase hex, as the store names documents and entries.
    static func hex(_ data: Data) -> String {
        hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}

/// What `audit verify` found.
public enum AuditVerification: Sendable, Equatable {
    /// Every entry is as written and linked to the one before it.
    case intact(entries: Int, head: String)
    /// The chain is broken; each problem names the entry where it shows.
    case broken([AuditProblem])
}

/// One break in the audit chain.
public struct AuditProblem: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The entry's content no longer matches its own hash.
        case changed
        /// Entries are missing before this one (the ids jump).
        case missingBefore(expected: Int64)
        /// The entry's link does not match the hash of the entry before it.
        case unlinked
        /// Entries after this one, the last found, were deleted (the store's record of the
        /// last entry names a later one).
        case truncatedAfter(recordedLast: Int64)
        /// This entry and any before it back to `recordedLast` were added outside the log.
        case appendedAfter(recordedLast: Int64)
        /// The entry's id does not come after the one before it (duplicated or moved).
        case outOfOrder(after: Int64)
        /// The store's record of the last entry is missing or unreadable.
        case headMissing
        /// An alert's status is not the one the log's actions gave it (`entry`: the last
        /// action on it, 0 for none).
        case statusNotLogged(alert: Int64, status: String, logged: String)
    }

    public var entry: Int64
    public var kind: Kind

    public init(entry: Int64, kind: Kind) {
        self.entry = entry
        self.kind = kind
    }

    public var description: String {
        switch kind {
        case .changed:
            "entry \(entry) was changed: its content no longer matches its hash"
        case .missingBefore(let expected):
            expected == entry - 1
                ? "entry \(expected) is missing: entry \(entry) follows entry \(expected - 1)"
                : "entries \(expected) to \(entry - 1) are missing: entry \(entry) follows entry \(expected - 1)"
        case .unlinked:
            "entry \(entry) does not link to the entry before it: that entry was changed, replaced or removed"
        case .appendedAfter(let recordedLast):
            "entries \(recordedLast + 1) to \(entry) were added outside the log: its last entry was \(recordedLast)"
        case .outOfOrder(let after):
            "entry \(entry) comes after entry \(after): ids duplicated or out of order"
        case .headMissing:
            "the store's record of the log's last entry is missing or damaged (last entry found: \(entry))"
        case .statusNotLogged(let alert, let status, let logged):
            "alert \(alert) is \(status) but the log's actions on it make it \(logged)"
                + (entry > 0 ? " (last action: entry \(entry))" : " (no action on it is logged)")
        case .truncatedAfter(let recordedLast):
            entry == 0
                ? "every entry was deleted: the log's last entry was \(recordedLast)"
                : "entries after \(entry) were deleted: the log's last entry was \(recordedLast)"
        }
    }
}
