import TagwatchCompression
import TagwatchCore

/// What one stream's ingest found: its identity, counters, and where its problems are.
public struct StreamReport: Sendable {
    /// The name it was given on the command line (`-` for standard input).
    public var name: String
    /// SHA-256 of the bytes as received, in lowercase hex: the stream's evidence name.
    public var sha256: String
    public var byteCount: Int
    public var container: ContainerFormat?
    public var members: Int
    public var counters: IngestCounters
    /// The first rejected records and damaged ranges, for a person to look at; all of
    /// them are counted in `counters`.
    public var problems: [StreamProblem]

    /// How many problems a report lists; the rest are counted only.
    public static let listedProblemLimit = 50
}

/// A rejected record or a damaged container range, and where it is.
public struct StreamProblem: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case rejected(RejectReason)
        /// A reading whose (`dev`, `seq`) was already accepted with other content.
        case conflict
        case damaged(ContainerDamage.Kind)
    }

    public var kind: Kind
    /// The member (0-based) the record is in; nil for bytes between members.
    public var member: Int?
    /// For a record, its offset in the member's decompressed bytes; for damage, its
    /// offset in the stream as received.
    public var offset: Int
    public var length: Int
    public var detail: String
}
