import Foundation
import TagwatchCaseload
import TagwatchCore

/// The readings of an episode drawn for a person: a drinking or tamper episode as its TAC
/// curve (one bar per reading), presence as an in/out timeline (runs of readings), and
/// anything else as a list of what changed.
struct EpisodeChart {
    let readings: [Reading]
    let alert: (type: String, start: Int64, end: Int64?)

    /// Bars this long are the curve's peak.
    static let barWidth = 40
    /// Silence longer than this between two `rf` readings shows as a gap in the timeline.
    static let silence: Int64 = 15 * 60_000

    func render() -> [String] {
        guard !readings.isEmpty else { return ["  (no readings of the device in the kept streams for this window)"] }
        func only(_ kind: ReadingKind) -> [Reading] { readings.filter { $0.payload.kind == kind } }
        switch alert.type {
        case "alcohol.drinking", "tamper.removal", "tamper.obstruction": return curve(only(.tac))
        case "curfew.absence": return timeline(only(.rf))
        case "tamper.strap": return changes(only(.strap))
        case "device.battery_low": return changes(only(.batt))
        case "hmu.moved", "hmu.case_open", "hmu.power_loss": return changes(only(.hmu))
        case "device.no_contact" where readings.contains { $0.payload.kind == .rf }: return timeline(only(.rf))
        default: return sequence()
        }
    }

    /// `›` when the stretch from `start` to `end` overlaps the episode.
    private func mark(_ start: Int64, _ end: Int64? = nil) -> String {
        start <= (alert.end ?? .max) && (end ?? start) >= alert.start ? "›" : " "
    }

    /// TAC per reading, g/dL, with the skin's infrared and temperature beside it.
    private func curve(_ readings: [Reading]) -> [String] {
        guard !readings.isEmpty else { return ["  (no TAC readings in the kept streams for this window)"] }
        let peak: Float = readings.compactMap { reading -> Float? in
            if case .tac(let sample) = reading.payload { sample.tac } else { nil }
        }.max() ?? 0
        var lines = ["  TAC (g/dL) per reading, › inside the episode; ir and skin temperature beside:"]
        for reading in readings {
            guard case .tac(let sample) = reading.payload else { continue }
            // In Double and clamped: a hostile but valid reading (tac 1e38) must not trap.
            let ratio = peak > 0 ? Double(max(sample.tac, 0)) / Double(peak) : 0
            let length = ratio.isFinite ? Int((Double(Self.barWidth) * min(max(ratio, 0), 1)).rounded()) : 0
            let bar = String(repeating: "█", count: length).padding(toLength: Self.barWidth, withPad: " ", startingAt: 0)
            lines.append("  \(mark(reading.time)) \(Instant.rfc3339(reading.time))  \(format(sample.tac, 3))  \(bar)  ir \(format(sample.ir, 2))  \(format(sample.temp, 1)) °C")
        }
        return lines
    }

    /// Runs of in-range and out-of-range readings, and silences between them.
    private func timeline(_ readings: [Reading]) -> [String] {
        guard !readings.isEmpty else { return ["  (no rf readings of the tag in the kept streams for this window)"] }
        var lines = ["  presence (rf), › inside the episode:"]
        var runStart = readings[0]
        var runEnd = readings[0]
        var count = 1
        func inRange(_ reading: Reading) -> Bool { if case .rf(let inRange, _) = reading.payload { inRange } else { false } }
        func flush() {
            let state = inRange(runStart) ? "in range    " : "OUT OF RANGE"
            lines.append("  \(mark(runStart.time, runEnd.time)) \(Instant.rfc3339(runStart.time)) to \(Instant.rfc3339(runEnd.time))  \(state)  \(count) reading\(count == 1 ? "" : "s")")
        }
        for reading in readings.dropFirst() {
            let gap = reading.time - runEnd.time > Self.silence
            if gap || inRange(reading) != inRange(runStart) {
                flush()
                if gap {
                    lines.append("  \(mark(runEnd.time, reading.time)) \(Instant.rfc3339(runEnd.time)) to \(Instant.rfc3339(reading.time))  no readings  \((reading.time - runEnd.time) / 60_000) min")
                }
                runStart = reading
                count = 0
            }
            runEnd = reading
            count += 1
        }
        flush()
        return lines
    }

    /// Runs of consecutive `seq` numbers, and the numbers missing between them.
    private func sequence() -> [String] {
        guard !readings.isEmpty else { return [] }
        var lines = ["  readings by seq, › inside the episode:"]
        var first = readings[0]
        var last = readings[0]
        func flush() {
            lines.append("  \(mark(first.time, last.time)) seq \(first.seq) to \(last.seq)  \(Instant.rfc3339(first.time)) to \(Instant.rfc3339(last.time))  \(last.seq - first.seq + 1) readings")
        }
        for reading in readings.dropFirst() where reading.seq != last.seq {
            if reading.seq != last.seq + 1 {
                flush()
                lines.append("  \(mark(last.time, reading.time)) seq \(last.seq + 1) to \(reading.seq - 1)  MISSING  \(reading.seq - last.seq - 1) readings never received")
                first = reading
            }
            last = reading
        }
        flush()
        return lines
    }

    /// Each reading that differs from the one before it (strap, home unit, battery).
    private func changes(_ readings: [Reading]) -> [String] {
        guard !readings.isEmpty else { return ["  (no readings of that kind in the kept streams for this window)"] }
        var lines = ["  readings that changed something, › inside the episode:"]
        var previous: Payload?
        for reading in readings where reading.payload != previous {
            previous = reading.payload
            lines.append("  \(mark(reading.time)) \(Instant.rfc3339(reading.time))  seq \(reading.seq)  \(describe(reading.payload))")
        }
        return lines
    }

    private func describe(_ payload: Payload) -> String {
        switch payload {
        case .strap(let ok): ok ? "strap closed" : "STRAP OPEN"
        case .batt(let percent): "battery \(percent) %"
        case .hb: "heartbeat"
        case .hmu(let status):
            [status.contains(.onMains) ? "on mains" : "OFF MAINS", status.contains(.moved) ? "MOVED" : nil,
             status.contains(.caseOpen) ? "CASE OPEN" : nil].compactMap { $0 }.joined(separator: ", ")
        case .gps(let fix): "at \(fix.lat), \(fix.lon) ±\(format(fix.accuracy, 0)) m"
        case .rf(let inRange, let rssi): (inRange ? "in range" : "out of range") + " rssi \(rssi)"
        case .tac(let sample): "TAC \(format(sample.tac, 3))"
        }
    }

    private func format(_ value: Float, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }
}
