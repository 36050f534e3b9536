import TagwatchCompression
import TagwatchCore

/// Builds stream bytes from readings, as units and gateways would send them.
public enum StreamBuilder {
    /// A `TWR1` stream: header, then one record per reading.
    public static func twr1(_ readings: [Reading]) -> [UInt8] {
        var bytes: [UInt8] = []
        TWR1Encoder.appendHeader(to: &bytes)
        for reading in readings { TWR1Encoder.append(reading, to: &bytes) }
        return bytes
    }

    /// An NDJSON stream: one line per reading.
    public static func ndjson(_ readings: [Reading]) -> [UInt8] {
        var bytes: [UInt8] = []
        for reading in readings { NDJSONEncoder.append(reading, to: &bytes) }
        return bytes
    }

    /// The stream of `readings` in `encoding`.
    public static func stream(_ readings: [Reading], as encoding: RecordEncoding) -> [UInt8] {
        encoding == .twr1 ? twr1(readings) : ndjson(readings)
    }

    /// A multi-member gzip file: one member per element, back to back.
    public static func gzip(members: [[UInt8]]) -> [UInt8] {
        members.flatMap { Compressor.gzipMember($0) }
    }
}
