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
    /// Readings taken in since the last checkpoint, across the batch's streams.
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
    /// reading handed to `sink`, on a thread of its own when `apart` (see ``SinkThread``).
    /// The copy is kept once the stream has been read whole.
    ///
    /// Every ``checkpointEvery`` readings accepted, `checkpoint` is given the sink; when it
    /// answers false the rest of the stream is read (and kept) but not taken in, and the
    /// batch is to be abandoned: decoding learns of the halt a few chunks late, so the
    /// ledger and the stream's report may hold readings the sink never took.
    mutating func read<Sink: ReadingSink>(
        _ source: ByteSource, into sink: inout Sink, apart: Bool = false, checkpoint: ((inout Sink) -> Bool)? = nil
    ) throws(ByteSource.Failure) -> StreamReport {
        let outcome = withUnsafeMutablePointer(to: &sink) { sink in
            read(source, into: sink, apart: apart, checkpoint: checkpoint)
        }
        return try outcome.get()
    }

    private mutating func read<Sink: ReadingSink>(
        _ source: ByteSource, into sink: UnsafeMutablePointer<Sink>, apart: Bool, checkpoint: ((inout Sink) -> Bool)?
    ) -> Result<StreamReport, ByteSource.Failure> {
        var stream = StreamIngest(limits: limits)
        let pipeline: DecompressionPipeline, copy: EvidenceCopy?
        do {
            (pipeline, copy) = try started(source)
        } catch {
            return .failure(error)
        }
        var feed = SinkFeed(sink: sink, checkpoint: checkpoint, every: checkpointEvery, since: sinceCheckpoint)
        // Inline, the sink takes each parcel's readings; apart, chunks of them, on a thread
        // started once the stream has a chunk's worth (a small upload needs none).
        let chunk = apart ? min(SinkThread<Sink>.chunkSize, checkpoint == nil ? .max : checkpointEvery ?? .max) : 1
        var thread: SinkThread<Sink>?
        func handOver() -> Bool {
            guard !stream.candidates.isEmpty else { return true }
            if apart, stream.candidates.count >= chunk || thread != nil {
                if thread == nil { thread = SinkThread(feed) }
                return thread!.send(&stream.candidates)
            }
            defer { stream.candidates.removeAll(keepingCapacity: true) }
            return feed.take(stream.candidates)
        }
        var halted = false
        while let parcel = pipeline.next() {
            if !halted {
                stream.handle(parcel, ledger: &ledger)
                if stream.candidates.count >= chunk { halted = !handOver() }
            }
            pipeline.recycle(parcel)
        }
        // A stream that could not be read to its end gives the ledger nothing more.
        var outcome: Result<DecompressionPipeline.Summary, ByteSource.Failure>
        do {
            let summary = try pipeline.finish()
            try copy?.keep(as: summary.sha256)
            outcome = .success(summary)
        } catch {
            outcome = .failure(error)
        }
        if case .success = outcome, !halted { stream.finish(ledger: &ledger) }
        if !halted { _ = handOver() }
        if let thread { feed = thread.finish() }
        sinceCheckpoint = feed.sinceCheckpoint
        stream.settle(feed)
        return outcome.map { summary in
            let report = StreamReport(
                name: source.name, sha256: summary.sha256, byteCount: summary.byteCount,
                container: summary.container, members: summary.members,
                counters: stream.counters, problems: stream.problems, devices: stream.devices)
            reports.append(report)
            return report
        }
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
