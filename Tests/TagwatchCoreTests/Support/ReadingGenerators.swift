import PropertyBased
import TagwatchCore

/// Random readings anywhere in the contract: every kind, serials of 1 to 32 characters
/// of `[A-Za-z0-9_-]`, any `seq`, any `t` a reading may have, finite floats of every
/// magnitude and sign (subnormals and `-0.0` included), `rssi` and `pct` over their whole
/// ranges.
enum ReadingGen {
    static let serialCharacters: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-".utf8)

    /// The latest `t` accepted under `CoreDecode.farFuture`.
    static let latestTime = CoreDecode.farFuture + 5 * 60 * 1000

    static func serial(using rng: inout some RandomNumberGenerator) -> DeviceSerial {
        let length = Bool.random(using: &rng) ? Int.random(in: 1...32, using: &rng) : [1, 31, 32].randomElement(using: &rng)!
        let text = String(decoding: (0..<length).map { _ in serialCharacters.randomElement(using: &rng)! }, as: UTF8.self)
        return DeviceSerial(text)!
    }

    static func float(using rng: inout some RandomNumberGenerator) -> Float {
        switch Int.random(in: 0..<5, using: &rng) {
        case 0:
            let special: [Float] = [0, -0.0, 1, -1, 0.1, 0.031, 2.71, 33.4, 16_777_215, .greatestFiniteMagnitude,
                                    -.greatestFiniteMagnitude, .leastNonzeroMagnitude, -.leastNonzeroMagnitude,
                                    .leastNormalMagnitude, Float(bitPattern: 0x007F_FFFF), .ulpOfOne, 1e-10, 3e38]
            return special.randomElement(using: &rng)!
        case 1:
            return Float.random(in: -1000...1000, using: &rng)
        default:
            while true {
                let value = Float(bitPattern: UInt32.random(in: .min ... .max, using: &rng))
                if value.isFinite { return value }
            }
        }
    }

    static func double(using rng: inout some RandomNumberGenerator) -> Double {
        switch Int.random(in: 0..<5, using: &rng) {
        case 0:
            let special: [Double] = [0, -0.0, 1, -1, 51.5072, -0.1276, 90, -180, 0.1, .greatestFiniteMagnitude,
                                     -.greatestFiniteMagnitude, .leastNonzeroMagnitude, -.leastNonzeroMagnitude,
                                     .leastNormalMagnitude, 1e300, 1e-300, 9_007_199_254_740_991]
            return special.randomElement(using: &rng)!
        case 1:
            return Double.random(in: -180...180, using: &rng)
        default:
            while true {
                let value = Double(bitPattern: UInt64.random(in: .min ... .max, using: &rng))
                if value.isFinite { return value }
            }
        }
    }

    static func time(using rng: inout some RandomNumberGenerator) -> Int64 {
        if Int.random(in: 0..<8, using: &rng) == 0 {
            return [ReadingLimits.earliestTime, latestTime, Make.morning].randomElement(using: &rng)!
        }
        return Int64.random(in: ReadingLimits.earliestTime...latestTime, using: &rng)
    }

    static func seq(using rng: inout some RandomNumberGenerator) -> UInt32 {
        Bool.random(using: &rng) ? UInt32.random(in: .min ... .max, using: &rng) : [0, 1, UInt32.max].randomElement(using: &rng)!
    }

    static func payload(using rng: inout some RandomNumberGenerator) -> Payload {
        switch ReadingKind.allCases.randomElement(using: &rng)! {
        case .tac:
            .tac(AlcoholSample(tac: float(using: &rng), ir: float(using: &rng), temp: float(using: &rng)))
        case .rf:
            .rf(inRange: Bool.random(using: &rng), rssi: Int8.random(in: .min ... .max, using: &rng))
        case .strap:
            .strap(ok: Bool.random(using: &rng))
        case .hmu:
            .hmu(HomeUnitStatus(rawValue: UInt8.random(in: 0...7, using: &rng)))
        case .batt:
            .batt(percent: UInt8.random(in: 0...100, using: &rng))
        case .hb:
            .hb
        case .gps:
            .gps(LocationFix(lat: double(using: &rng), lon: double(using: &rng), accuracy: float(using: &rng)))
        }
    }

    static func reading(using rng: inout some RandomNumberGenerator) -> Reading {
        Reading(device: serial(using: &rng), seq: seq(using: &rng), time: time(using: &rng), payload: payload(using: &rng))
    }

    static func readings(count: ClosedRange<Int>, using rng: inout some RandomNumberGenerator) -> [Reading] {
        (0..<Int.random(in: count, using: &rng)).map { _ in reading(using: &rng) }
    }

    /// Lists of 0 to 40 readings.
    static let lists = Generator<[Reading], Shrink.None<[Reading]>>(run: { rng in
        readings(count: 0...40, using: &rng)
    })
}
