/// One reading of one device, as both encodings carry it (streams.md §2).
///
/// The pair (`device`, `seq`) identifies a reading; `time` is the device's own clock in
/// milliseconds since the Unix epoch, UTC.
public struct Reading: Hashable, Sendable {
    public var device: DeviceSerial
    public var seq: UInt32
    public var time: Int64
    public var payload: Payload

    public init(device: DeviceSerial, seq: UInt32, time: Int64, payload: Payload) {
        self.device = device
        self.seq = seq
        self.time = time
        self.payload = payload
    }

    public var kind: ReadingKind { payload.kind }
}

/// The kinds a reading can have, with their `TWR1` codes and NDJSON names.
public enum ReadingKind: UInt8, CaseIterable, Sendable {
    case tac = 1, rf, strap, hmu, batt, hb, gps

    /// The kind whose NDJSON name is `name`, nil for none.
    public init?(name: UnsafeRawBufferPointer) {
        func equals(_ text: StaticString) -> Bool {
            text.utf8CodeUnitCount == name.count
                && UnsafeRawBufferPointer(start: text.utf8Start, count: name.count).elementsEqual(name)
        }
        switch name.count {
        case 2 where equals("rf"): self = .rf
        case 2 where equals("hb"): self = .hb
        case 3 where equals("tac"): self = .tac
        case 3 where equals("hmu"): self = .hmu
        case 3 where equals("gps"): self = .gps
        case 4 where equals("batt"): self = .batt
        case 5 where equals("strap"): self = .strap
        default: return nil
        }
    }

    /// The value of `k` in NDJSON.
    public var name: String {
        switch self {
        case .tac: "tac"
        case .rf: "rf"
        case .strap: "strap"
        case .hmu: "hmu"
        case .batt: "batt"
        case .hb: "hb"
        case .gps: "gps"
        }
    }

    /// Size of the kind's payload in a `TWR1` record body.
    public var binaryPayloadSize: Int {
        switch self {
        case .tac: 12
        case .rf: 2
        case .strap, .hmu, .batt: 1
        case .hb: 0
        case .gps: 20
        }
    }
}
