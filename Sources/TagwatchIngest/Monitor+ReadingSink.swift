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
