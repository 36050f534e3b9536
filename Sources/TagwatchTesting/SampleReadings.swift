import TagwatchCore

/// Hand-made readings of every kind, for tests that need a few known values.
public enum SampleReadings {
    /// 2026-11-22T08:00:00Z in milliseconds.
    public static let morning: Int64 = 1_763_798_400_000

    public static func serial(_ text: String) -> DeviceSerial {
        guard let serial = DeviceSerial(text) else { preconditionFailure("\(text) is not a valid serial") }
        return serial
    }

    /// One reading of each kind, from the examples in streams.md §2.2.
    public static let oneOfEachKind: [Reading] = [
        Reading(device: serial("TAC-000417"), seq: 1203, time: morning, payload: .tac(AlcoholSample(tac: 0.031, ir: 2.71, temp: 33.4))),
        Reading(device: serial("RF-001932"), seq: 88121, time: morning + 60_000, payload: .rf(inRange: false, rssi: -97)),
        Reading(device: serial("RF-001932"), seq: 88122, time: morning + 70_000, payload: .strap(ok: true)),
        Reading(device: serial("HMU-001932"), seq: 5120, time: morning, payload: .hmu([.onMains])),
        Reading(device: serial("RF-001932"), seq: 88123, time: morning + 80_000, payload: .batt(percent: 71)),
        Reading(device: serial("HMU-001932"), seq: 5121, time: morning + 900_000, payload: .hb),
        Reading(device: serial("GPS-000020"), seq: 301, time: morning, payload: .gps(LocationFix(lat: 51.5072, lon: -0.1276, accuracy: 8.5))),
    ]
}
