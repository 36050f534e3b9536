/// What a reading measured; one case per kind in streams.md §2.1.
public enum Payload: Hashable, Sendable {
    /// A sobriety tag's sample.
    case tac(AlcoholSample)
    /// Whether the home unit hears the curfew tag.
    case rf(inRange: Bool, rssi: Int8)
    /// Strap or case integrity of a tag.
    case strap(ok: Bool)
    /// Home monitoring unit status.
    case hmu(HomeUnitStatus)
    /// Battery level in percent, 0...100.
    case batt(percent: UInt8)
    /// Heartbeat or check-in.
    case hb
    /// A location fix.
    case gps(LocationFix)

    public var kind: ReadingKind {
        switch self {
        case .tac: .tac
        case .rf: .rf
        case .strap: .strap
        case .hmu: .hmu
        case .batt: .batt
        case .hb: .hb
        case .gps: .gps
        }
    }
}

/// Transdermal alcohol (g/dL), infrared proximity (V) and skin temperature (°C).
public struct AlcoholSample: Hashable, Sendable {
    public var tac: Float
    public var ir: Float
    public var temp: Float

    public init(tac: Float, ir: Float, temp: Float) {
        self.tac = tac
        self.ir = ir
        self.temp = temp
    }
}

/// Latitude and longitude in degrees, accuracy in metres.
public struct LocationFix: Hashable, Sendable {
    public var lat: Double
    public var lon: Double
    public var accuracy: Float

    public init(lat: Double, lon: Double, accuracy: Float) {
        self.lat = lat
        self.lon = lon
        self.accuracy = accuracy
    }
}

/// The `hmu` flags byte. Bits above the three defined ones are ignored, so a newer unit
/// that sets more of them still reads.
public struct HomeUnitStatus: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue & 0b111 }

    public static let onMains = HomeUnitStatus(rawValue: 1 << 0)
    public static let moved = HomeUnitStatus(rawValue: 1 << 1)
    public static let caseOpen = HomeUnitStatus(rawValue: 1 << 2)
}
