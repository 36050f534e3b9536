import Foundation
import TagwatchCaseload
import TagwatchStore

/// One alert for a person to read: what, who, when, the figures, the evidence and every
/// change made to it.
struct AlertReport {
    let alert: StoredAlert

    func render() -> String {
        var lines: [String] = []
        lines.append("Alert \(alert.id): \(alert.type), \(alert.severity)\(alert.escalated ? " (escalated)" : ""), \(alert.status)")
        lines.append("  subject \(alert.subject ?? "none") · officer \(alert.officer ?? "none") · order \(alert.order ?? "none") · device \(alert.device ?? "none")")
        let end = alert.end.map { "\(Instant.rfc3339($0)) (\(($0 - alert.start) / 60_000) min)" } ?? "ongoing"
        lines.append("  episode \(Instant.rfc3339(alert.start)) to \(end)")
        lines.append("  opened by the reading at \(Instant.rfc3339(alert.openedAt)), raised at \(Instant.rfc3339(alert.raisedAt))")
        if !alert.details.isEmpty {
            lines.append("  details: " + alert.details.keys.sorted().map { "\($0) \(alert.details[$0]!.text)" }.joined(separator: ", "))
        }
        if let device = alert.device {
            lines.append("Evidence: \(device) seq \(alert.firstSeq) to \(alert.lastSeq)"
                         + (alert.streams.isEmpty ? "" : ", in \(alert.streams.count) stream\(alert.streams.count == 1 ? "" : "s"):"))
        } else {
            lines.append("Evidence: none (raised by the follow-up worker, not by readings)")
        }
        for stream in alert.streams { lines.append("  \(stream)") }
        lines.append("History:")
        for entry in alert.history {
            let changes = entry.changes.keys.sorted().map { "\($0) \(entry.changes[$0]![0] ?? "-") → \(entry.changes[$0]![1] ?? "-")" }
            lines.append("  \(Instant.rfc3339(entry.at))  \(entry.actor)  \(entry.action)"
                         + (changes.isEmpty ? "" : "  " + changes.joined(separator: "; "))
                         + (entry.note.map { "  note: \($0)" } ?? ""))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
