import TagwatchCore

/// One device's readings, numbered on from `seq` in the order they are added.
struct Tape {
    let device: DeviceSerial
    var seq: UInt32
    private(set) var readings: [Reading] = []

    init(_ device: DeviceSerial, seq: UInt32 = 1) {
        self.device = device
        self.seq = seq
    }

    mutating func add(_ time: Int64, _ payload: Payload) {
        readings.append(Reading(device: device, seq: seq, time: time, payload: payload))
        seq += 1
    }

    /// Leaves `count` numbers out (a `seq` gap).
    mutating func skip(_ count: UInt32 = 1) { seq += count }

    /// `rf` every minute from `from` up to, not including, `to`.
    mutating func rf(_ inRange: Bool, from: Int64, to: Int64) {
        for time in stride(from: from, to: to, by: Int(minute)) { rf(inRange, at: time) }
    }

    mutating func rf(_ inRange: Bool, at time: Int64) { add(time, .rf(inRange: inRange, rssi: inRange ? -60 : -97)) }

    /// `tac` readings every `every` from `from`, one per value, on the skin by default.
    mutating func tac(_ values: [Float], from: Int64, every: Int64 = 30 * minute, ir: Float = 2.7, temp: Float = 33) {
        for (index, value) in values.enumerated() {
            tac(value, at: from + Int64(index) * every, ir: ir, temp: temp)
        }
    }

    mutating func tac(_ value: Float, at time: Int64, ir: Float = 2.7, temp: Float = 33) {
        add(time, .tac(AlcoholSample(tac: value, ir: ir, temp: temp)))
    }

    /// Sober `tac` readings every 30 min with the given `ir` and `temp`, pairwise.
    mutating func skin(ir: [Float], temp: [Float], from: Int64) {
        precondition(ir.count == temp.count)
        for index in ir.indices {
            tac(0, at: from + Int64(index) * 30 * minute, ir: ir[index], temp: temp[index])
        }
    }

    mutating func strap(ok: Bool, at time: Int64) { add(time, .strap(ok: ok)) }
    mutating func hmu(_ status: HomeUnitStatus, at time: Int64) { add(time, .hmu(status)) }
    mutating func batt(_ percent: UInt8, at time: Int64) { add(time, .batt(percent: percent)) }
}
