import TagwatchCore

/// CRC-32 with the zlib/gzip polynomial (reflected 0xEDB88320), written out here so that
/// the expected bytes of a test never come from the code under test.
enum ReferenceCRC32 {
    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 {
            value = value & 1 == 1 ? (value >> 1) ^ 0xEDB8_8320 : value >> 1
        }
        return value
    }

    static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc = (crc >> 8) ^ table[Int((crc ^ UInt32(byte)) & 0xFF)]
        }
        return ~crc
    }
}

/// `TWR1` bytes built by hand from streams.md §2.1, independently of `TWR1Encoder`.
enum ReferenceTWR1 {
    /// `"TWR1"`, version 1, flags 0, reserved 0.
    static let header: [UInt8] = Array("TWR1".utf8) + [1, 0, 0, 0]

    static func littleEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        (0..<(T.bitWidth / 8)).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
    }

    /// `devLen dev seq t payload`, with `devLen` taken from `dev` unless given.
    static func body(dev: [UInt8], devLen: UInt8? = nil, seq: UInt32, t: Int64, payload: [UInt8]) -> [UInt8] {
        [devLen ?? UInt8(dev.count)] + dev + littleEndian(seq) + littleEndian(t) + payload
    }

    static func body(dev: String, seq: UInt32, t: Int64, payload: [UInt8]) -> [UInt8] {
        body(dev: Array(dev.utf8), seq: seq, t: t, payload: payload)
    }

    /// `sync kind len body crc`; `len` and `crc` are right unless given.
    static func record(kind: UInt8, body: [UInt8], len: UInt16? = nil, crc: UInt32? = nil, sync: UInt8 = 0xA7) -> [UInt8] {
        let covered = [kind] + littleEndian(len ?? UInt16(body.count)) + body
        return [sync] + covered + littleEndian(crc ?? ReferenceCRC32.checksum(covered))
    }

    /// The payload bytes of `payload`, from the table in streams.md §2.1.
    static func payloadBytes(_ payload: Payload) -> [UInt8] {
        switch payload {
        case .tac(let sample):
            littleEndian(sample.tac.bitPattern) + littleEndian(sample.ir.bitPattern) + littleEndian(sample.temp.bitPattern)
        case .rf(let inRange, let rssi):
            [inRange ? 1 : 0, UInt8(bitPattern: rssi)]
        case .strap(let ok):
            [ok ? 1 : 0]
        case .hmu(let status):
            [status.rawValue]
        case .batt(let percent):
            [percent]
        case .hb:
            []
        case .gps(let fix):
            littleEndian(fix.lat.bitPattern) + littleEndian(fix.lon.bitPattern) + littleEndian(fix.accuracy.bitPattern)
        }
    }

    /// Kind code of `payload` in the binary table.
    static func kindCode(_ payload: Payload) -> UInt8 {
        switch payload {
        case .tac: 1
        case .rf: 2
        case .strap: 3
        case .hmu: 4
        case .batt: 5
        case .hb: 6
        case .gps: 7
        }
    }

    /// The whole record for `reading`.
    static func record(for reading: Reading) -> [UInt8] {
        let dev = Array(reading.device.description.utf8)
        return record(
            kind: kindCode(reading.payload),
            body: body(dev: dev, seq: reading.seq, t: reading.time, payload: payloadBytes(reading.payload)))
    }

    /// A header and one record per reading.
    static func stream(_ readings: [Reading]) -> [UInt8] {
        header + readings.flatMap(record(for:))
    }

    /// Offsets of each reading's record in ``stream(_:)``.
    static func recordOffsets(_ readings: [Reading]) -> [Int] {
        var offsets: [Int] = []
        var position = header.count
        for reading in readings {
            offsets.append(position)
            position += record(for: reading).count
        }
        return offsets
    }
}

extension Reading {
    /// Every bit the reading holds (its `TWR1` record), so that equality also tells
    /// `-0.0` from `0.0`, which `==` on floats does not.
    var exactImage: [UInt8] { ReferenceTWR1.record(for: self) }
}
