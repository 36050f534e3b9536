import Crypto
import Foundation
import TagwatchCompression

/// Reads, hashes and decompresses a stream on a thread of its own while the caller
/// decodes, so ingest takes about as long as the slower of the two rather than both.
final class DecompressionPipeline: @unchecked Sendable {
    /// What the producer found, known once it has finished.
    struct Summary {
        var sha256: String
        var byteCount: Int
        var container: ContainerFormat?
        var members: Int
    }

    private let queue: Handover<Parcel>
    private let source: ByteSource
    private let copy: EvidenceCopy?
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<Summary, ByteSource.Failure>?

    /// Parcels in flight when reading starts ahead of its consumer (``BatchIngest/readAhead(_:)``):
    /// 32 MB, about a tenth of a second of inflating.
    static let readAheadDepth = 64

    /// Starts reading `source`, copying its bytes to `copy` when given, with at most
    /// `depth` parcels of 512 KiB in flight.
    init(source: ByteSource, copy: EvidenceCopy? = nil, depth: Int = 4) {
        self.source = source
        self.copy = copy
        queue = Handover(depth: depth, make: Parcel.init)
        let thread = Thread { [self] in
            result = produce()
            queue.close()
            done.signal()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// The next parcel of events, nil at the end of the stream.
    func next() -> Parcel? { queue.receive() }

    /// Hands a parcel back once its events are handled.
    func recycle(_ parcel: Parcel) {
        parcel.clear()
        queue.recycle(parcel)
    }

    /// Takes and drops every parcel to the end, so the producer finishes (a batch that
    /// stopped before reading a stream it had started reading ahead).
    func drain() {
        while let parcel = next() { recycle(parcel) }
        done.wait()
    }

    /// Waits for the producer and returns what it found, or the read failure.
    func finish() throws(ByteSource.Failure) -> Summary {
        done.wait()
        switch result! {
        case .success(let summary): return summary
        case .failure(let failure): throw failure
        }
    }

    private func produce() -> Result<Summary, ByteSource.Failure> {
        let container = ContainerDecoder()
        var hasher = SHA256()
        var byteCount = 0
        var parcel = queue.empty()
        let collect = { (event: ContainerEvent) in
            let size = if case .data(let data) = event { data.count } else { 0 }
            if !parcel.fits(size) {
                self.queue.send(parcel)
                parcel = self.queue.empty()
            }
            parcel.add(event)
        }
        do {
            while true {
                let chunk = try source.next()
                if chunk.isEmpty { break }
                hasher.update(bufferPointer: chunk)
                try copy?.append(chunk)
                byteCount += chunk.count
                container.feed(chunk, collect)
            }
        } catch {
            queue.send(parcel)
            return .failure(error)
        }
        container.finish(collect)
        if !parcel.isEmpty { queue.send(parcel) } else { queue.recycle(parcel) }
        let digest = hasher.finalize().map { byte in
            let text = String(byte, radix: 16)
            return text.count == 1 ? "0" + text : text
        }.joined()
        return .success(Summary(sha256: digest, byteCount: byteCount, container: container.format, members: container.membersSeen))
    }
}
