import TagwatchCore

/// A reading the batch's ledger accepted, on its way to the sink, with the index of its
/// device in the stream's report (``StreamReport/devices``).
struct CandidateReading {
    var reading: Reading
    var device: Int
}

/// The sink's side of one stream: hands the sink the readings the batch's ledger
/// accepted, in order; counts what it made of them and, per device, the `seq` bounds of
/// those it took in; and gives the sink to `checkpoint` every `checkpointEvery` readings
/// taken in. Runs where the sink runs: on the decoding thread, or on a ``SinkThread``.
///
/// Holds the sink by pointer: the stream's reader keeps the sink in place for as long as
/// the stream is read, and touches it only through the feed.
struct SinkFeed<Sink: ReadingSink> {
    private let sink: UnsafeMutablePointer<Sink>
    private let checkpoint: ((inout Sink) -> Bool)?
    private let checkpointEvery: Int?
    /// Readings taken in since the batch's last checkpoint, across its streams.
    private(set) var sinceCheckpoint: Int
    private(set) var accepted = 0
    private(set) var late = 0
    private(set) var duplicates = 0
    /// `seq` bounds of the readings taken in, indexed like the stream's devices.
    private(set) var takenIn: [SeqBounds] = []
    /// A checkpoint answered false: the sink takes nothing more of the stream.
    private var halted = false

    init(sink: UnsafeMutablePointer<Sink>, checkpoint: ((inout Sink) -> Bool)?, every checkpointEvery: Int?, since sinceCheckpoint: Int) {
        self.sink = sink
        self.checkpoint = checkpoint
        self.checkpointEvery = checkpointEvery
        self.sinceCheckpoint = sinceCheckpoint
    }

    /// Hands `candidates` to the sink in order, then checkpoints when it is time; false
    /// once a checkpoint answered false.
    mutating func take(_ candidates: [CandidateReading]) -> Bool {
        guard !halted else { return false }
        let before = accepted
        for candidate in candidates {
            switch sink.pointee.take(candidate.reading) {
            case .accepted:
                accepted += 1
                tookIn(candidate)
            case .late:
                accepted += 1
                late += 1
                tookIn(candidate)
            case .duplicate:
                duplicates += 1
            }
        }
        sinceCheckpoint += accepted - before
        if let checkpoint, let every = checkpointEvery, sinceCheckpoint >= every {
            sinceCheckpoint = 0
            halted = !checkpoint(&sink.pointee)
        }
        return !halted
    }

    private mutating func tookIn(_ candidate: CandidateReading) {
        while takenIn.count <= candidate.device { takenIn.append(SeqBounds()) }
        takenIn[candidate.device].include(candidate.reading.seq)
    }
}

/// The lowest and highest of a set of `seq` numbers, empty (first above last) while
/// there is none: plain fields, as this is updated for every reading.
struct SeqBounds: Equatable {
    private(set) var first = UInt32.max
    private(set) var last = UInt32.min

    var range: ClosedRange<UInt32>? { first <= last ? first...last : nil }

    mutating func include(_ seq: UInt32) {
        first = min(first, seq)
        last = max(last, seq)
    }

    mutating func include(_ other: SeqBounds) {
        first = min(first, other.first)
        last = max(last, other.last)
    }
}
