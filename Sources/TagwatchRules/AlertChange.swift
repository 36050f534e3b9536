import TagwatchCaseload
import TagwatchCore

/// What the rules say about one episode's alert after a batch: the whole alert as the
/// readings make it now (alerts.md, "Alert"). The store keeps one alert per ``key``:
/// the first change opens it, later ones update it. Identical input gives identical
/// changes, so a replay updates nothing.
public struct AlertChange: Sendable, Equatable {
    public var key: EpisodeKey
    public var severity: AlertSeverity
    /// Nil for an alert that concerns no subject (`device.unassigned`).
    public var subject: String?
    public var order: String?
    public var officer: String?
    /// The episode in event time; `end` nil while it goes on.
    public var end: Int64?
    /// Event time of the reading that raised the alert.
    public var openedAt: Int64
    public var details: [String: AlertDetail]
    /// The first and last `seq` of the device's readings behind the alert.
    public var firstSeq: UInt32
    public var lastSeq: UInt32

    public init(key: EpisodeKey, severity: AlertSeverity, subject: String?, order: String?, officer: String?, end: Int64?,
                openedAt: Int64, details: [String: AlertDetail], firstSeq: UInt32, lastSeq: UInt32) {
        self.key = key
        self.severity = severity
        self.subject = subject
        self.order = order
        self.officer = officer
        self.end = end
        self.openedAt = openedAt
        self.details = details
        self.firstSeq = firstSeq
        self.lastSeq = lastSeq
    }

    public var type: AlertType { key.type }
    public var device: DeviceSerial { key.device }
    public var start: Int64 { key.start }
}

/// An episode's identity: its type, its device and its start in event time. The same
/// readings always give the same key, which is what makes re-ingesting change nothing.
public struct EpisodeKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var type: AlertType
    public var device: DeviceSerial
    public var start: Int64

    public init(type: AlertType, device: DeviceSerial, start: Int64) {
        self.type = type
        self.device = device
        self.start = start
    }

    /// `TYPE/DEVICE/START`, the form the store indexes.
    public var description: String { "\(type.rawValue)/\(device)/\(start)" }

    public static func < (lhs: EpisodeKey, rhs: EpisodeKey) -> Bool {
        (lhs.start, lhs.device, lhs.type) < (rhs.start, rhs.device, rhs.type)
    }
}

/// One figure of an alert's details.
public enum AlertDetail: Sendable, Equatable, Codable {
    case integer(Int64)
    case number(Double)
    case text(String)
    /// An instant in event time (milliseconds), shown as RFC 3339.
    case time(Int64)

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .text(let value): try container.encode(value)
        case .time(let value): try container.encode(Instant.rfc3339(value))
        }
    }

    /// The figure as a person reads it (times in RFC 3339).
    public var text: String {
        switch self {
        case .integer(let value): String(value)
        case .number(let value): String(value)
        case .text(let value): value
        case .time(let value): Instant.rfc3339(value)
        }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else {
            self = .text(try container.decode(String.self))
        }
    }
}
