/// Writes readings in the `TWR1` binary encoding (streams.md §2.1): what a home unit
/// uploads, for the sample generator and for tests.
public enum TWR1Encoder {
    /// Appends the 8-byte stream header.
    public static func appendHeader(to output: inout [UInt8]) {
        output.append(contentsOf: TWR1Format.header)
    }

    /// Appends one record holding `reading`.
    public static func append(_ reading: Reading, to output: inout [UInt8]) {
        var body: [UInt8] = []
        let serial = reading.device.bytes
        body.reserveCapacity(TWR1Format.bodySize(serialLength: serial.count, kind: reading.kind))
        body.append(UInt8(serial.count))
        body.append(contentsOf: serial)
        appendLittleEndian(reading.seq, to: &body)
        appendLittleEndian(UInt64(bitPattern: reading.time), to: &body)
        switch reading.payload {
        case .tac(let sample):
            appendLittleEndian(sample.tac.bitPattern, to: &body)
            appendLittleEndian(sample.ir.bitPattern, to: &body)
            appendLittleEndian(sample.temp.bitPattern, to: &body)
        case .rf(let inRange, let rssi):
            body.append(inRange ? 1 : 0)
            body.append(UInt8(bitPattern: rssi))
        case .strap(let ok):
            body.append(ok ? 1 : 0)
        case .hmu(let status):
            body.append(status.rawValue)
        case .batt(let percent):
            body.append(percent)
        case .hb:
            break
        case .gps(let fix):
            appendLittleEndian(fix.lat.bitPattern, to: &body)
            appendLittleEndian(fix.lon.bitPattern, to: &body)
            appendLittleEndian(fix.accuracy.bitPattern, to: &body)
        }
        appendRecord(kind: reading.kind.rawValue, body: body, to: &output)
    }

    /// Appends a record of any kind code around `body`, with a correct checksum; tests
    /// use it for kinds this version does not know.
    public static func appendRecord(kind: UInt8, body: [UInt8], to output: inout [UInt8]) {
        let start = output.count
        output.append(TWR1Format.syncByte)
        output.append(kind)
        appendLittleEndian(UInt16(body.count), to: &output)
        output.append(contentsOf: body)
        let crc = output.withUnsafeBytes { TWR1Format.crc32(UnsafeRawBufferPointer(rebasing: $0[(start + 1)...])) }
        appendLittleEndian(crc, to: &output)
    }

    private static func appendLittleEndian<T: FixedWidthInteger>(_ value: T, to output: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { output.append(contentsOf: $0) }
    }
}
