import TagwatchCaseload
import TagwatchStore

/// Alerts as a table for a person at a terminal: one line each, the episode in UTC.
struct AlertTable {
    let alerts: [StoredAlert]

    func render() -> String {
        guard !alerts.isEmpty else { return "No alerts.\n" }
        let header = ["ID", "SEVERITY", "STATUS", "TYPE", "SUBJECT", "DEVICE", "START", "END", "DETAIL"]
        let rows = alerts.map { alert in
            [String(alert.id), alert.severity + (alert.escalated ? "!" : ""), alert.status, alert.type,
             alert.subject ?? "-", alert.device ?? "-", Instant.rfc3339(alert.start),
             alert.end.map(Instant.rfc3339) ?? "ongoing", summary(alert)]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .trimmingTrailingSpaces() + "\n"
        }
        return ([header] + rows).map(line).joined()
    }

    /// The one figure a person looks at first, per type.
    private func summary(_ alert: StoredAlert) -> String {
        func text(_ name: String) -> String? { alert.details[name]?.text }
        switch alert.type {
        case "alcohol.drinking": return "\(text("classification") ?? "") peak \(text("peakTAC") ?? "?") g/dL"
        case "curfew.absence": return "\(text("pattern") ?? "") \(text("minutesAbsent") ?? "?") min"
        case "device.no_contact": return "\(text("curfewMinutesUnverified") ?? "0") curfew min unverified"
        case "device.data_gap": return "\(text("readingsLost") ?? "?") readings lost"
        case "device.battery_low": return "\(text("lowestPercent") ?? "?") %"
        case "hmu.power_loss": return "\(text("minutesOffMains") ?? "?") min off mains"
        case "tamper.removal", "tamper.obstruction": return "\(text("readingsOffSkin") ?? "?") readings off skin"
        case "device.unassigned": return "\(text("readings") ?? "?") readings"
        default: return ""
        }
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
