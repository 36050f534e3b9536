import Foundation
import Synchronization

/// Runs a stream's ``SinkFeed`` (the rules) on a thread of its own, fed chunks of
/// candidate readings in order, so that the rules take their time beside decoding, not
/// after it: reading and inflating, decoding, and the rules are three stages at work at
/// once. The sink sees the same readings in the same order as inline, so what it makes
/// of them is the same.
final class SinkThread<Sink: ReadingSink>: @unchecked Sendable {
    /// Candidates handed over at once, at least: few enough that the rules start soon
    /// after decoding does, enough that a handover costs nothing per reading. A chunk
    /// goes once a parcel's readings bring it to this size, so it may hold up to a
    /// parcel's worth more (about 20,000 `TWR1` readings), or an NDJSON member's held
    /// readings (``StreamIngest/heldReadingLimit``).
    static var chunkSize: Int { 8192 }
    /// Chunks in flight, plus the one decoding fills: 2.5 MB at 8,192 readings each.
    static var depth: Int { 4 }

    private let handover = Handover<[CandidateReading]>(depth: SinkThread.depth) { [] }
    private var feed: SinkFeed<Sink>
    private let finished = DispatchSemaphore(value: 0)
    private let halted = Atomic<Bool>(false)

    /// Starts `feed` on a thread of its own; from now on the sink is the thread's until
    /// ``finish()``.
    init(_ feed: SinkFeed<Sink>) {
        self.feed = feed
        let thread = Thread { [self] in run() }
        thread.start()
    }

    private func run() {
        while var chunk = handover.receive() {
            if !feed.take(chunk) { halted.store(true, ordering: .relaxed) }
            chunk.removeAll(keepingCapacity: true)
            handover.recycle(chunk)
        }
        finished.signal()
    }

    /// Hands over `candidates`, leaving an empty buffer in their place (waiting while
    /// ``depth`` chunks are in flight); false once a checkpoint stopped the stream.
    func send(_ candidates: inout [CandidateReading]) -> Bool {
        var buffer = handover.empty()
        swap(&buffer, &candidates)
        handover.send(buffer)
        return !halted.load(ordering: .relaxed)
    }

    /// Waits until every chunk sent has been taken, and gives the feed back.
    func finish() -> SinkFeed<Sink> {
        handover.close()
        finished.wait()
        return feed
    }
}
