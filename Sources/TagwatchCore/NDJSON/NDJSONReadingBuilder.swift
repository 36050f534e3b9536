/// Turns the fields of a parsed NDJSON line into a reading, or the first reason to
/// reject it in the order ``RejectReason`` documents.
struct NDJSONReadingBuilder {
    struct Problem: Error {
        var reason: RejectReason
        var detail: String
    }

    typealias Field = JSONLine.Field

    let line: UnsafeRawBufferPointer
    let fields: JSONLine
    let limits: ReadingLimits

    /// The payload fields each kind requires.
    static func payloadFields(_ kind: ReadingKind) -> [Field] {
        switch kind {
        case .tac: [.tac, .ir, .temp]
        case .rf: [.in, .rssi]
        case .strap: [.ok]
        case .hmu: [.mains, .moved, .open]
        case .batt: [.pct]
        case .hb: []
        case .gps: [.lat, .lon, .acc]
        }
    }

    /// The fields every kind requires.
    static let commonFields: [Field] = [.dev, .seq, .t, .k]

    func build() -> Result<Reading, Problem> {
        do throws(Problem) {
            try requirePresentFields()
            let dev = try value(.dev, .string)
            let seq = try integer(.seq, in: 0...Int64(UInt32.max), "a u32")
            let time = try integer(.t, in: Int64.min...Int64.max, "an i64")
            let kindName = try value(.k, .string)
            guard let kind = withString(kindName, ReadingKind.init(name:)) else {
                throw Problem(reason: .kind, detail: "unknown kind \"\(withString(kindName) { String(decoding: $0, as: UTF8.self) })\"")
            }
            let payload = try payload(kind)
            guard let device = withString(dev, DeviceSerial.init(ascii:)) else {
                throw Problem(reason: .deviceID, detail: "dev \"\(withString(dev) { String(decoding: $0, as: UTF8.self) })\" is not 1 to 32 characters of [A-Za-z0-9_-]")
            }
            guard limits.accepts(time: time) else {
                throw Problem(reason: .clock, detail: limits.clockDetail(time))
            }
            return .success(Reading(device: device, seq: UInt32(seq), time: time, payload: payload))
        } catch {
            return .failure(error)
        }
    }

    /// Rejects a line that misses a field before any of its values is looked at, since
    /// ``RejectReason`` puts `field` before `type` and `kind`: the common fields, then the
    /// payload fields of the kind `k` names, when it is a string naming one.
    private func requirePresentFields() throws(Problem) {
        for field in Self.commonFields where fields[field].type == .absent {
            throw Problem(reason: .field, detail: "missing field \"\(field.name)\"")
        }
        let kindName = fields[.k]
        guard kindName.type == .string, let kind = withString(kindName, ReadingKind.init(name:)) else { return }
        for field in Self.payloadFields(kind) where fields[field].type == .absent {
            throw Problem(reason: .field, detail: "\(kind.name) reading has no \"\(field.name)\"")
        }
    }

    private func payload(_ kind: ReadingKind) throws(Problem) -> Payload {
        switch kind {
        case .tac:
            return .tac(AlcoholSample(tac: try float(.tac), ir: try float(.ir), temp: try float(.temp)))
        case .rf:
            let inRange = try bool(.in)
            return .rf(inRange: inRange, rssi: Int8(try integer(.rssi, in: -128...127, "an i8")))
        case .strap:
            return .strap(ok: try bool(.ok))
        case .hmu:
            var status: HomeUnitStatus = []
            if try bool(.mains) { status.insert(.onMains) }
            if try bool(.moved) { status.insert(.moved) }
            if try bool(.open) { status.insert(.caseOpen) }
            return .hmu(status)
        case .batt:
            return .batt(percent: UInt8(try integer(.pct, in: 0...100, "a percentage 0...100")))
        case .hb:
            return .hb
        case .gps:
            return .gps(LocationFix(lat: try double(.lat), lon: try double(.lon), accuracy: try float(.acc)))
        }
    }

    private func value(_ field: Field, _ type: JSONLine.ValueType) throws(Problem) -> JSONLine.Value {
        let value = fields[field]
        if value.type == .absent {
            throw Problem(reason: .field, detail: "missing field \"\(field.name)\"")
        }
        guard value.type == type else {
            throw Problem(reason: .type, detail: "\"\(field.name)\" is \(value.type.name), expected \(type.name)")
        }
        return value
    }

    private func text(of value: JSONLine.Value) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: line[Int(value.start)..<Int(value.end)])
    }

    /// Calls `body` with a string value's bytes, unescaped; without escapes (nearly
    /// always) the line's own bytes, with no copy.
    private func withString<T>(_ value: JSONLine.Value, _ body: (UnsafeRawBufferPointer) -> T) -> T {
        guard value.flag else { return body(text(of: value)) }
        return JSONStrings.unescape(text(of: value)).withUnsafeBytes(body)
    }

    private func integer(_ field: Field, in range: ClosedRange<Int64>, _ typeName: String) throws(Problem) -> Int64 {
        let value = try value(field, .number)
        guard !value.flag, let number = JSONNumbers.integer(text(of: value)), range.contains(number) else {
            throw Problem(reason: .type, detail: "\"\(field.name)\" is \(String(decoding: text(of: value), as: UTF8.self)), expected \(typeName)")
        }
        return number
    }

    private func double(_ field: Field) throws(Problem) -> Double {
        let value = try value(field, .number)
        let number = JSONNumbers.double(text(of: value))
        guard number.isFinite else {
            throw Problem(reason: .type, detail: "\"\(field.name)\" is not a finite number")
        }
        return number
    }

    private func float(_ field: Field) throws(Problem) -> Float {
        let value = try value(field, .number)
        let number = JSONNumbers.float(text(of: value))
        guard number.isFinite else {
            throw Problem(reason: .type, detail: "\"\(field.name)\" does not fit a 32-bit float")
        }
        return number
    }

    private func bool(_ field: Field) throws(Problem) -> Bool {
        try value(field, .bool).boolValue
    }
}
