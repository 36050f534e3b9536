import TagwatchCore
import TagwatchRules

/// The rules engine takes the batch's new readings.
extension Monitor: ReadingSink {
    public mutating func take(_ reading: Reading) -> SinkVerdict {
        switch admit(reading) {
        case .accepted: .accepted
        case .late: .late
        case .duplicate: .duplicate
        }
    }
}

extension BatchIngest {
    /// Reads `source` as one stream of the batch through the rules engine, which runs on
    /// a thread of its own beside decoding (``SinkThread``) once the stream has a chunk's
    /// worth of new readings; a small upload stays on the caller's thread. Checkpoints
    /// come on whichever thread the rules run on. Concrete, not the generic
    /// ``ingest(_:into:)``: called from another module the generic one hands every
    /// reading through witness tables; this one is specialised here.
    ///
    /// Every ``checkpointEvery`` readings `checkpoint` may commit what the monitor has
    /// done so far (``Monitor/checkpoint()``); answering false stops taking readings in.
    @discardableResult
    public mutating func ingest(
        _ source: ByteSource, into monitor: inout Monitor, checkpoint: ((inout Monitor) -> Bool)? = nil
    ) throws(ByteSource.Failure) -> StreamReport {
        try read(source, into: &monitor, apart: true, checkpoint: checkpoint)
    }
}
