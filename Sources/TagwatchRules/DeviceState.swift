import TagwatchCore

/// Everything the rules keep about one device between readings and between batches:
/// state, not history. It is bounded: a few readings for smoothing and the tamper
/// baseline, the readings held for a gap (at most `gapHoldMinutes` of them), and the
/// lost `seq` ranges.
public struct DeviceState: Sendable, Codable, Equatable {
    var sequence = SequenceState()
    /// `from` of the assignment the rule state belongs to; a new assignment starts afresh.
    var assignmentFrom: Int64?
    var rules = DeviceRules()
    /// Readings heard while no assignment covered the serial.
    var unassigned: UnassignedEpisode?
    /// Late readings waiting for the end of their batch, kept only when the batch
    /// commits a checkpoint before its end (``Monitor/checkpoint()``), so a crash after it
    /// loses none. Nil otherwise (and in states stored before checkpoints existed).
    var pendingLate: [Reading]?

    public init() {}
}

/// Each rule's state for one device under one assignment.
struct DeviceRules: Sendable, Codable, Equatable {
    var contact = ContactState()
    var presence = PresenceState()
    var drinking = DrinkingState()
    var tamper = TamperState()
    var strap: ConditionEpisode?
    var battery: ConditionEpisode?
    var moved: ConditionEpisode?
    var caseOpen: ConditionEpisode?
    var powerLoss: ConditionEpisode?

    /// The state a late segment starts from: nothing carried over but the tamper
    /// baseline, which holds for the whole assignment.
    var forLateSegment: DeviceRules {
        var fresh = DeviceRules()
        fresh.tamper.baseline = tamper.baseline
        return fresh
    }
}

/// `device.unassigned`: one alert per serial, from its first reading no assignment
/// covered.
struct UnassignedEpisode: Sendable, Codable, Equatable {
    var start: Int64
    var firstSeq: UInt32
    var lastSeq: UInt32
    var readings: Int
    var lastHeard: Int64
}
