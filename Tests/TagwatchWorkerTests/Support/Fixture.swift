import Foundation
import TagwatchCaseload
import TagwatchRules
@testable import TagwatchStore

/// Hand-built alerts and the people of caseload.md's example.
enum Fixture {
    /// Milliseconds for an RFC 3339 text, by Foundation's parser (not the code under test's).
    static func t(_ text: String) -> Int64 {
        Int64(ISO8601DateFormatter().date(from: text)!.timeIntervalSince1970 * 1000)
    }

    static let officer = Officer(id: "PO-17", name: "Sam Okafor", team: "Leeds North")
    static let centre = Centre(name: "North monitoring centre", notify: Notify(email: "duty@centre.example"))
    static let doe = Subject(id: "S-0001", officer: "PO-17", risk: .high, timezone: "Europe/London", name: "J. Doe")
    /// No display name: prompts name them by id.
    static let nameless = Subject(id: "S-0002", officer: "PO-17", risk: .low, timezone: "Europe/London")

    static let streams = [
        "3f2a9c1d0b7e4a5f8e6d2c1b0a9f8e7d6c5b4a39281706f5e4d3c2b1a0f9e8d7",
        "9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b",
    ]

    static func alert(
        id: Int64 = 4711, type: String, severity: String = "high", status: String = "open", escalated: Bool = false,
        subject: String? = "S-0001", order: String? = "O-0001", device: String = "RF-001932",
        start: String, end: String?, openedAt: String? = nil, raisedAt: String? = nil,
        details: [String: AlertDetail] = [:], seqs: ClosedRange<Int64> = 1042...1046, streams: [String] = Fixture.streams
    ) -> StoredAlert {
        StoredAlert(
            id: id, type: type, severity: severity, status: status, escalated: escalated,
            subject: subject, order: order, device: device, officer: subject == nil ? nil : "PO-17",
            start: t(start), end: end.map(t), openedAt: t(openedAt ?? start), raisedAt: t(raisedAt ?? openedAt ?? start),
            details: details, firstSeq: seqs.lowerBound, lastSeq: seqs.upperBound, streams: streams, history: [])
    }
}
