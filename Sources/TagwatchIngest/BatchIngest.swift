import Crypto
import TagwatchCompression
import TagwatchCore

/// One batch of streams (one `ingest` command, streams.md §4): each stream read through
/// its container, decoded, and each reading checked against the batch's ledger so a
/// reading repeated within or across the batch's streams is counted once.
public struct BatchIngest {
    private let limits: ReadingLimits
    private var ledger: ReadingLedger
    public private(set) var reports: [StreamReport] = []

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

    /// Reads `source` to its end as one stream of the batch.
    @discardableResult
    public mutating func ingest(_ source: ByteSource) throws(ByteSource.Failure) -> StreamReport {
        var stream = StreamIngest(limits: limits)
        var hasher = SHA256()
        var byteCount = 0
        while true {
            let chunk = try source.next()
            if chunk.isEmpty { break }
            hasher.update(bufferPointer: chunk)
            byteCount += chunk.count
            stream.feed(chunk, ledger: &ledger)
        }
        stream.finish(ledger: &ledger)
        let digest = hasher.finalize().map { byte in
            let text = String(byte, radix: 16)
            return text.count == 1 ? "0" + text : text
        }.joined()
        let report = StreamReport(
            name: source.name, sha256: digest, byteCount: byteCount,
            container: stream.container.format, members: stream.container.membersSeen,
            counters: stream.counters, problems: stream.problems)
        reports.append(report)
        return report
    }
}
