import TagwatchCore
import TagwatchIngest
import TagwatchRules

/// The batch's new readings, handed to the rules engine.
struct RulesSink: ReadingSink {
    var monitor: Monitor

    mutating func take(_ reading: Reading) -> SinkVerdict {
        switch monitor.admit(reading) {
        case .accepted: .accepted
        case .late: .late
        case .duplicate: .duplicate
        }
    }
}
