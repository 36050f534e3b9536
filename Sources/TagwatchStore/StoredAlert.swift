import Foundation
import TagwatchCaseload
import TagwatchRules

/// An alert as the store keeps it and people see it (alerts.md, "Alert").
public struct StoredAlert: Sendable, Equatable {
    public var id: Int64
    public var type: String
    public var severity: String
    public var status: String
    public var escalated: Bool
    public var subject: String?
    public var order: String?
    /// Nil for alerts the worker raises (transitions, failed deliveries).
    public var device: String?
    public var officer: String?
    public var start: Int64
    public var end: Int64?
    public var openedAt: Int64
    public var raisedAt: Int64
    public var details: [String: AlertDetail]
    public var firstSeq: Int64
    public var lastSeq: Int64
    /// SHA-256 of each ingested stream holding readings behind the alert.
    public var streams: [String]
    public var history: [Entry]

    /// One change to the alert: who or what made it, when, from what to what.
    public struct Entry: Sendable, Equatable {
        public var at: Int64
        public var actor: String
        public var action: String
        /// Field name to `[from, to]`.
        public var changes: [String: [String?]]
        public var note: String?
    }
}

extension StoredAlert: Encodable {
    enum CodingKeys: String, CodingKey {
        case id, type, severity, status, escalated, subject, order, device, officer, start, end
        case openedAt, raisedAt, details, evidence, history
    }

    struct Reference: Encodable {
        var dev: String
        var seq: Int64
    }

    struct Evidence: Encodable {
        var streams: [String]
        var first: Reference?
        var last: Reference?

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(streams, forKey: .streams)
            try container.encode(first, forKey: .first)
            try container.encode(last, forKey: .last)
        }

        enum CodingKeys: String, CodingKey { case streams, first, last }
    }

    struct EncodedEntry: Encodable {
        var at: String
        var by: String
        var action: String
        var changes: [String: [String?]]
        var note: String?
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(String(id), forKey: .id)
        try container.encode(type, forKey: .type)
        try container.encode(severity, forKey: .severity)
        try container.encode(status, forKey: .status)
        try container.encode(escalated, forKey: .escalated)
        try container.encode(subject, forKey: .subject)
        try container.encode(order, forKey: .order)
        try container.encode(device, forKey: .device)
        try container.encode(officer, forKey: .officer)
        try container.encode(Instant.rfc3339(start), forKey: .start)
        try container.encode(end.map(Instant.rfc3339), forKey: .end)
        try container.encode(Instant.rfc3339(openedAt), forKey: .openedAt)
        try container.encode(Instant.rfc3339(raisedAt), forKey: .raisedAt)
        try container.encode(details, forKey: .details)
        try container.encode(Evidence(streams: streams, first: device.map { Reference(dev: $0, seq: firstSeq) },
                                      last: device.map { Reference(dev: $0, seq: lastSeq) }),
                             forKey: .evidence)
        try container.encode(history.map { EncodedEntry(at: Instant.rfc3339($0.at), by: $0.actor, action: $0.action, changes: $0.changes, note: $0.note) },
                             forKey: .history)
    }
}
