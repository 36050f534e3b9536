/// A reading kept in stored state (a reading held for a gap to fill) is written as its
/// NDJSON line, the contract's own text form, and read back through the same decoder
/// that reads streams.
extension Reading: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        var bytes = Array(try container.decode(String.self).utf8)
        bytes.append(0x0A)
        var reader = ReadingDecoder(limits: ReadingLimits(wallClock: .max - ReadingLimits.clockTolerance))
        var batch = DecodedBatch()
        bytes.withUnsafeBytes { reader.feed($0, into: &batch) }
        reader.finish(into: &batch)
        guard batch.readings.count == 1, let reading = batch.readings.first else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not one reading in NDJSON: \(String(decoding: bytes, as: UTF8.self))")
        }
        self = reading
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(NDJSONEncoder.line(for: self))
    }
}
