import TagwatchCore

/// Where the readings a batch accepts go next (the rules engine), and what it made of
/// each: the batch's ledger knows only the batch, the sink knows what came before it.
/// Sinks are generic parameters of the decoding loop, specialised in this module; a
/// sink may run on a thread of its own (``SinkThread``), one thread at a time.
public protocol ReadingSink: SendableMetatype {
    mutating func take(_ reading: Reading) -> SinkVerdict
}

/// What a sink made of a reading the batch's ledger accepted (streams.md §3).
public enum SinkVerdict: Sendable, Equatable {
    case accepted
    /// Accepted after its gap was declared lost; counted as accepted and as late.
    case late
    /// Accepted in an earlier batch.
    case duplicate
}

/// A sink that takes every reading as new: ingest as decoding alone, with duplicates
/// found within the batch only (benchmarks' reference, tests of the decoding layers).
public struct DecodingOnly: ReadingSink {
    public init() {}
    public func take(_ reading: Reading) -> SinkVerdict { .accepted }
}
