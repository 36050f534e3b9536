/// Writes readings as NDJSON lines (streams.md §2.2), with the field names of the
/// contract; floats are written in their shortest form that reads back exactly.
public enum NDJSONEncoder {
    /// Appends one line holding `reading`, ending in `\n`.
    public static func append(_ reading: Reading, to output: inout [UInt8]) {
        output.append(contentsOf: line(for: reading).utf8)
        output.append(0x0A)
    }

    /// The JSON object for `reading`, without the newline.
    public static func line(for reading: Reading) -> String {
        var text = "{\"dev\":\"\(reading.device)\",\"seq\":\(reading.seq),\"t\":\(reading.time),\"k\":\"\(reading.kind.name)\""
        switch reading.payload {
        case .tac(let sample):
            text += ",\"tac\":\(sample.tac),\"ir\":\(sample.ir),\"temp\":\(sample.temp)"
        case .rf(let inRange, let rssi):
            text += ",\"in\":\(inRange),\"rssi\":\(rssi)"
        case .strap(let ok):
            text += ",\"ok\":\(ok)"
        case .hmu(let status):
            text += ",\"mains\":\(status.contains(.onMains)),\"moved\":\(status.contains(.moved)),\"open\":\(status.contains(.caseOpen))"
        case .batt(let percent):
            text += ",\"pct\":\(percent)"
        case .hb:
            break
        case .gps(let fix):
            text += ",\"lat\":\(fix.lat),\"lon\":\(fix.lon),\"acc\":\(fix.accuracy)"
        }
        return text + "}"
    }
}
