extension Reading {
    /// A 64-bit digest of what the reading says (time and payload, bit for bit), so two
    /// readings sharing an identity can be compared without keeping either whole.
    var contentDigest: UInt64 {
        var state = Digest(seed: UInt64(kind.rawValue))
        state.mix(UInt64(bitPattern: time))
        switch payload {
        case .tac(let sample):
            state.mix(UInt64(sample.tac.bitPattern) << 32 | UInt64(sample.ir.bitPattern))
            state.mix(UInt64(sample.temp.bitPattern))
        case .rf(let inRange, let rssi):
            state.mix(UInt64(inRange ? 1 : 0) << 8 | UInt64(UInt8(bitPattern: rssi)))
        case .strap(let ok):
            state.mix(ok ? 1 : 0)
        case .hmu(let status):
            state.mix(UInt64(status.rawValue))
        case .batt(let percent):
            state.mix(UInt64(percent))
        case .hb:
            break
        case .gps(let fix):
            state.mix(fix.lat.bitPattern)
            state.mix(fix.lon.bitPattern)
            state.mix(UInt64(fix.accuracy.bitPattern))
        }
        return state.value
    }
}

/// A small multiply-xorshift mixer; not cryptographic, only to tell contents apart.
private struct Digest {
    var value: UInt64

    init(seed: UInt64) { value = seed &* 0x9E37_79B9_7F4A_7C15 }

    mutating func mix(_ word: UInt64) {
        value = (value ^ word) &* 0xBF58_476D_1CE4_E5B9
        value ^= value >> 31
    }
}
