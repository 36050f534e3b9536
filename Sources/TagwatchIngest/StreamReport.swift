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
    /// Rejected records, conflicts and damaged ranges, in stream order, the first
    /// ``keptProblemLimit`` of them (quarantine's index into the stream kept as evidence);
    /// all of them are counted in `counters`.
    public var problems: [StreamProblem]
    /// Which devices' readings the stream holds, in order of first sight.
    public var devices: [DeviceSpan]

    /// How many problems a report prints for a person; the rest are counted.
    public static let listedProblemLimit = 50
    /// How many problems are kept per stream (a stream of junk lines has one per line).
    public static let keptProblemLimit = 100_000
}

/// The readings of one device a stream holds (accepted, late or repeating ones already
/// taken in; not conflicts): their `seq` and time ranges, so an alert can name every kept
/// stream its readings are in (a batch run again after a crash takes in none of what its
/// first run committed, yet its stream holds them); and the `seq` range of those it took
/// in, by which alerts link it (a resend that takes in nothing adds itself to no alert).
public struct DeviceSpan: Sendable, Equatable {
    public var serial: DeviceSerial
    public var firstSeq: UInt32
    public var lastSeq: UInt32
    public var firstTime: Int64
    public var lastTime: Int64
    public var readings: Int
    private var takenIn = SeqBounds()

    /// The `seq` range of the readings taken in (accepted or late), nil if none was.
    public var accepted: ClosedRange<UInt32>? { takenIn.range }

    init(_ reading: Reading) {
        serial = reading.device
        firstSeq = reading.seq
        lastSeq = reading.seq
        firstTime = reading.time
        lastTime = reading.time
        readings = 1
    }

    mutating func add(_ reading: Reading) {
        firstSeq = min(firstSeq, reading.seq)
        lastSeq = max(lastSeq, reading.seq)
        firstTime = min(firstTime, reading.time)
        lastTime = max(lastTime, reading.time)
        readings += 1
    }

    /// Adds the bounds of readings the sink took in.
    mutating func takeIn(_ bounds: SeqBounds) {
        takenIn.include(bounds)
    }
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
