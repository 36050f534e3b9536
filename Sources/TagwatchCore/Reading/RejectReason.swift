/// Why a record was rejected, with the names streams.md §5 reports them by.
///
/// When a record has several problems it is rejected for the first of, in order: its
/// frame (`crc`, `length`, `json`), a missing field (`field`), a wrong type or a value
/// out of its type's range (`type`), an unknown kind (`kind`), the device serial
/// (`device-id`), and the time (`clock`).
public enum RejectReason: String, CaseIterable, Codable, Sendable {
    /// A `TWR1` record whose checksum fails, or bytes where a record should start (bad
    /// sync byte, damaged header): the damaged range up to the next record that validates.
    case crc
    /// A `TWR1` record whose `len` does not fit its kind or is over 1024, a record cut off
    /// by the end of its stream, or an NDJSON line longer than 64 KiB.
    case length
    /// An NDJSON line that is not a JSON object.
    case json
    /// A required field is missing.
    case field
    /// A field has the wrong JSON type, or a value outside its type (a `seq` that is not
    /// a u32, a `pct` over 100, a flag byte that is not 0 or 1, a float that is not finite).
    case type
    /// An NDJSON `k` naming no kind.
    case kind
    /// A serial that is empty, longer than 32 characters or not `[A-Za-z0-9_-]`.
    case deviceID = "device-id"
    /// A time before 2000-01-01 or more than 5 minutes ahead of the wall clock.
    case clock
}

/// One rejected record or damaged range of a decoded stream, with where it was.
public struct Rejection: Sendable, Equatable {
    public var reason: RejectReason
    /// Offset of the record's first byte in the decoded (decompressed) stream.
    public var offset: Int
    /// Length of the rejected record or range, in bytes.
    public var length: Int
    /// What was wrong, for a person.
    public var detail: String

    public init(reason: RejectReason, offset: Int, length: Int, detail: String) {
        self.reason = reason
        self.offset = offset
        self.length = length
        self.detail = detail
    }
}
