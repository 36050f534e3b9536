/// Writes deflate data (RFC 1951) bit by bit, for inputs `Compressor` cannot make
/// cheaply: huge members built without holding their decompressed bytes, and blocks
/// larger than the decoder keeps.
struct DeflateWriter {
    private(set) var bytes: [UInt8] = []
    private var accumulator: UInt64 = 0
    private var bitCount = 0

    /// Appends the `count` low bits of `value`, least significant first (header fields and
    /// extra bits).
    mutating func write(_ value: UInt64, bits count: Int) {
        accumulator |= value << UInt64(bitCount)
        bitCount += count
        while bitCount >= 8 {
            bytes.append(UInt8(truncatingIfNeeded: accumulator))
            accumulator >>= 8
            bitCount -= 8
        }
    }

    /// Appends a Huffman code of `count` bits, most significant first.
    mutating func writeCode(_ code: UInt64, bits count: Int) {
        write(Self.reversed(code, bits: count), bits: count)
    }

    /// Pads to a whole byte.
    mutating func flush() {
        if bitCount > 0 { write(0, bits: 8 - bitCount) }
    }

    static func reversed(_ code: UInt64, bits count: Int) -> UInt64 {
        var result: UInt64 = 0
        for bit in 0..<count where code & (1 << UInt64(bit)) != 0 {
            result |= 1 << UInt64(count - 1 - bit)
        }
        return result
    }

    /// A stored block holding `data` (at most 65535 bytes): header bits, padding to a
    /// byte, LEN, NLEN, the bytes.
    mutating func storedBlock(_ data: [UInt8], isFinal: Bool) {
        precondition(data.count <= 0xFFFF)
        write(isFinal ? 1 : 0, bits: 1)
        write(0, bits: 2)
        flush()
        write(UInt64(data.count), bits: 16)
        write(UInt64(~UInt16(data.count)), bits: 16)
        bytes += data
    }

    // Fixed Huffman codes (RFC 1951 §3.2.6).

    /// Starts a block with fixed codes.
    mutating func beginFixedBlock(isFinal: Bool) {
        write(isFinal ? 1 : 0, bits: 1)
        write(1, bits: 2)
    }

    /// The fixed codes of literals below 144 (8 bits, `00110000` + value), bit-reversed
    /// for ``write(_:bits:)``.
    private static let literalCodes: [UInt64] = (0..<144).map { reversed(0x30 + UInt64($0), bits: 8) }
    /// Length code 285 (`11000101`, 258 bytes, no extra bits) then distance code 0
    /// (`00000`, 1 byte back), bit-reversed: one 13-bit write.
    private static let repeat258Code = reversed(0xC5, bits: 8)

    /// A literal byte below 144.
    mutating func literal(_ byte: UInt8) {
        write(Self.literalCodes[Int(byte)], bits: 8)
    }

    /// A copy of 258 bytes from 1 byte back.
    mutating func repeatLastByte258() {
        write(Self.repeat258Code, bits: 13)
    }

    /// End of block: code 256, seven zero bits.
    mutating func endOfBlock() {
        writeCode(0, bits: 7)
    }

    /// Literal/length code 286, which the fixed code defines but deflate forbids.
    mutating func invalidCode() {
        writeCode(0xC6, bits: 8)
    }
}

/// gzip member framing (RFC 1952) around deflate data.
enum GzipFraming {
    /// The 10-byte header with no optional fields, as zlib writes it.
    static let header: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0x03]

    /// The 8-byte trailer: CRC-32 and size modulo 2^32, little-endian.
    static func trailer(crc: UInt32, size: Int) -> [UInt8] {
        let isize = UInt32(truncatingIfNeeded: size)
        return (0..<4).map { UInt8(truncatingIfNeeded: crc >> (8 * $0)) }
            + (0..<4).map { UInt8(truncatingIfNeeded: isize >> (8 * $0)) }
    }

    /// CRC-32 (the gzip polynomial) of `count` zero bytes, computed without them: the CRC
    /// register is linear in the zero bits fed to it, so the operator for 8·count zero
    /// bits is raised by squaring (as zlib's `crc32_combine` does).
    static func crc32OfZeros(_ count: Int) -> UInt32 {
        // The operator for one zero bit, as the images of the 32 unit vectors.
        var power: [UInt32] = [0xEDB8_8320] + (0..<31).map { 1 << UInt32($0) }
        var register: UInt32 = 0xFFFF_FFFF
        var bits = count * 8
        while bits > 0 {
            if bits & 1 != 0 { register = apply(power, register) }
            power = power.map { apply(power, $0) }
            bits >>= 1
        }
        return ~register
    }

    private static func apply(_ matrix: [UInt32], _ vector: UInt32) -> UInt32 {
        var result: UInt32 = 0
        var vector = vector
        var index = 0
        while vector != 0 {
            if vector & 1 != 0 { result ^= matrix[index] }
            vector >>= 1
            index += 1
        }
        return result
    }

    /// One gzip member of `1 + 258 * repeats` zero bytes in a single fixed-code block:
    /// 13 bits per 258 bytes, so a GiB takes about 6.5 MB.
    static func zerosMember(repeats: Int) -> (member: [UInt8], size: Int) {
        var writer = DeflateWriter()
        writer.beginFixedBlock(isFinal: true)
        writer.literal(0)
        for _ in 0..<repeats { writer.repeatLastByte258() }
        writer.endOfBlock()
        writer.flush()
        let size = 1 + 258 * repeats
        return (header + writer.bytes + trailer(crc: crc32OfZeros(size), size: size), size)
    }
}
