import TagwatchCompression
import TagwatchCore

/// One batch of streams (one `ingest` command, streams.md §4): each stream read through
/// its container, decoded, and each reading checked against the batch's ledger so a
/// reading repeated within or across the batch's streams is counted once.
public struct BatchIngest {
    private let limits: ReadingLimits
    private var ledger: ReadingLedger
    public private(set) var reports: [StreamReport] = []
    /// Where each stream is kept byte for byte under its SHA-256 as it is read (the
    /// store's evidence folder); nil keeps nothing (benchmarks, tests of decoding).
    public var evidenceFolder: String?
    /// How many readings the batch accepts between checkpoints (see
    /// ``ingest(_:into:checkpoint:)``); nil for none.
    public var checkpointEvery: Int?
    private var sinceCheckpoint = 0
    /// A stream already being read, hashed, copied and inflated (``readAhead(_:)``).
    private var ahead: (source: ByteSource, pipeline: DecompressionPipeline, copy: EvidenceCopy?)?

    /// A batch judged against `wallClock` (milliseconds since the epoch) for readings
    /// from the future (`clock` rejects).
    public init(wallClock: Int64, conflictWindowMinutes: Int = 360) {
        limits = ReadingLimits(wallClock: wallClock)
        ledger = ReadingLedger(conflictWindowMinutes: conflictWindowMinutes)
    }

    /// The batch's counters over all its streams.
    public var totals: IngestCounters {
        reports.reduce(into: IngestCounters()) { $0 += $1.counters }
    }

    /// Reads `source` to its end as one stream of the batch: reading, hashing, copying
    /// as evidence and decompressing on one thread, decoding on this one, each new
    /// reading handed to `sink`. The copy is kept once the stream has been read whole.
    ///
    /// Every ``checkpointEvery`` readings accepted, `checkpoint` is given the sink; when it
    /// answers false the rest of the stream is read (and kept) but not taken in.
    mutating func read<Sink: ReadingSink>(
        _ source: ByteSource, into sink: inout Sink, checkpoint: ((inout Sink) -> Bool)? = nil
    ) throws(ByteSource.Failure) -> StreamReport {
        var stream = StreamIngest(limits: limits)
        let (pipeline, copy) = try started(source)
        var halted = false
        while let parcel = pipeline.next() {
            if !halted {
                let before = stream.counters.accepted
                stream.handle(parcel, ledger: &ledger, sink: &sink)
                sinceCheckpoint += stream.counters.accepted - before
                if let checkpoint, let every = checkpointEvery, sinceCheckpoint >= every {
                    sinceCheckpoint = 0
                    halted = !checkpoint(&sink)
                }
            }
            pipeline.recycle(parcel)
        }
        // A stream that could not be read to its end gives the ledger nothing more.
        let summary = try pipeline.finish()
        try copy?.keep(as: summary.sha256)
        if !halted { stream.finish(ledger: &ledger, sink: &sink) }
        let report = StreamReport(
            name: source.name, sha256: summary.sha256, byteCount: summary.byteCount,
            container: summary.container, members: summary.members,
            counters: stream.counters, problems: stream.problems, devices: stream.devices)
        reports.append(report)
        return report
    }

    /// Starts reading `source` on its reading thread now, up to 32 MB ahead, while the
    /// caller prepares what will take its readings (the store's state, the rules); the
    /// next ``ingest(_:into:checkpoint:)`` of the same source goes on from there. Call
    /// ``dropReadAhead()`` if that ingest will not come.
    public mutating func readAhead(_ source: ByteSource) throws(ByteSource.Failure) {
        dropReadAhead()
        let (pipeline, copy) = try pipeline(for: source, depth: DecompressionPipeline.readAheadDepth)
        ahead = (source, pipeline, copy)
    }

    /// Lets a stream read ahead finish and forgets it (its copy is not kept).
    public mutating func dropReadAhead() {
        ahead?.pipeline.drain()
        ahead = nil
    }

    /// The pipeline reading `source`: the one reading ahead, or a new one.
    private mutating func started(_ source: ByteSource) throws(ByteSource.Failure) -> (DecompressionPipeline, EvidenceCopy?) {
        if let ahead, ahead.source === source {
            self.ahead = nil
            return (ahead.pipeline, ahead.copy)
        }
        dropReadAhead()
        return try pipeline(for: source)
    }

    /// A new pipeline reading `source`, copying it into the evidence folder when there is one.
    private func pipeline(for source: ByteSource, depth: Int = 4) throws(ByteSource.Failure) -> (DecompressionPipeline, EvidenceCopy?) {
        let copy = try evidenceFolder.map { folder throws(ByteSource.Failure) in try EvidenceCopy(folder: folder) }
        return (DecompressionPipeline(source: source, copy: copy, depth: depth), copy)
    }

    /// Reads `source` as one stream of the batch, each new reading handed to `sink`
    /// (reading a kept stream back, for instance).
    @discardableResult
    public mutating func ingest<Sink: ReadingSink>(_ source: ByteSource, into sink: inout Sink) throws(ByteSource.Failure) -> StreamReport {
        try read(source, into: &sink)
    }

    /// Reads `source` as one stream of the batch, decoding only (see ``DecodingOnly``).
    @discardableResult
    public mutating func ingest(_ source: ByteSource) throws(ByteSource.Failure) -> StreamReport {
        var sink = DecodingOnly()
        return try read(source, into: &sink)
    }
}
