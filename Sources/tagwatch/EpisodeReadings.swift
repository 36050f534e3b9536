import Foundation
import TagwatchCore
import TagwatchIngest
import TagwatchStore

/// The readings around an alert's episode, read back from the streams kept as evidence
/// (alerts.md, "Evidence"): the device's readings from a margin before the start to a
/// margin after the end, in `seq` order.
struct EpisodeReadings {
    var readings: [Reading]
    /// Streams that should hold some of them but are not in the evidence folder.
    var missing: [String]
    /// Kept streams whose bytes no longer have the SHA-256 they are named by: changed
    /// since they were kept, so their readings are not shown.
    var altered: [String] = []
    var window: (from: Int64, to: Int64)

    /// How far around the episode readings are shown.
    static let margin: Int64 = 30 * 60_000
    /// The most readings kept for a person to read; a long episode shows its first ones.
    static let limit = 5_000

    init(alert: StoredAlert, serial: String, store: Store) throws {
        let to = (alert.end ?? max(alert.openedAt, alert.start)) + Self.margin
        window = (alert.start - Self.margin, to)
        missing = []
        var kept: [Reading] = []
        var batch = BatchIngest(wallClock: .max / 2)
        for stream in try store.streams(holding: serial, from: window.from, to: window.to) {
            guard FileManager.default.fileExists(atPath: stream.path) else {
                missing.append(stream.sha256)
                continue
            }
            var sink = Collector(serial: DeviceSerial(serial), window: window, limit: Self.limit - kept.count)
            let report = try batch.ingest(ByteSource(name: stream.path), into: &sink)
            guard report.sha256 == stream.sha256 else {
                altered.append(stream.sha256)
                continue
            }
            kept += sink.readings
        }
        // The alert's own streams, purged since, are missing too.
        for sha in alert.streams where !missing.contains(sha)
            && !FileManager.default.fileExists(atPath: store.evidenceFolder + "/" + sha) {
            missing.append(sha)
        }
        readings = kept.sorted { $0.seq < $1.seq }
    }

    /// Keeps one device's readings inside the window.
    private struct Collector: ReadingSink {
        let serial: DeviceSerial?
        let window: (from: Int64, to: Int64)
        let limit: Int
        var readings: [Reading] = []

        mutating func take(_ reading: Reading) -> SinkVerdict {
            if reading.device == serial, reading.time >= window.from, reading.time <= window.to, readings.count < limit {
                readings.append(reading)
            }
            return .accepted
        }
    }
}
