import TagwatchCompression
import TagwatchCore
import TagwatchTesting
import Testing

/// A small deterministic random number generator (SplitMix64), so that every fixture is
/// the same on every run and every expectation can be computed from it.
struct SplitMix: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum Fixtures {
    /// `count` readings of one device with consecutive `seq` (from `firstSeq`), half a
    /// minute apart, cycling through every kind with varied values.
    static func readings(device: String, count: Int, firstSeq: UInt32 = 1000, seed: UInt64) -> [Reading] {
        var random = SplitMix(seed: seed)
        let serial = SampleReadings.serial(device)
        return (0..<count).map { index in
            let payload: Payload
            switch index % 7 {
            case 0:
                payload = .tac(AlcoholSample(
                    tac: Float(Int.random(in: 0...400, using: &random)) / 1000,
                    ir: Float(Int.random(in: 100...400, using: &random)) / 100,
                    temp: Float(Int.random(in: 300...370, using: &random)) / 10))
            case 1:
                payload = .rf(inRange: Bool.random(using: &random), rssi: Int8.random(in: -110 ... -20, using: &random))
            case 2:
                payload = .strap(ok: Bool.random(using: &random))
            case 3:
                payload = .hmu(HomeUnitStatus(rawValue: UInt8.random(in: 0...7, using: &random)))
            case 4:
                payload = .batt(percent: UInt8.random(in: 0...100, using: &random))
            case 5:
                payload = .hb
            default:
                payload = .gps(LocationFix(
                    lat: 51 + Double(Int.random(in: 0...99_999, using: &random)) / 100_000,
                    lon: -Double(Int.random(in: 0...99_999, using: &random)) / 100_000,
                    accuracy: Float(Int.random(in: 10...500, using: &random)) / 10))
            }
            return Reading(
                device: serial, seq: firstSeq + UInt32(index),
                time: SampleReadings.morning + Int64(index) * 30_000, payload: payload)
        }
    }

    /// `count` random bytes with no gzip member header (`1f 8b 08`) in them, not even
    /// across their end into a following member (they never end in `1f` or `1f 8b`).
    static func garbage(_ count: Int, seed: UInt64) -> [UInt8] {
        var random = SplitMix(seed: seed)
        var bytes = Corruption.randomBytes(count, using: &random)
        for index in bytes.indices where bytes[index] == 0x1F {
            bytes[index] = 0x20
        }
        return bytes
    }
}

/// One upload of a unit: its readings, their stream in one encoding, and that stream as
/// one gzip member.
struct Upload {
    var readings: [Reading]
    var encoding: RecordEncoding
    var stream: [UInt8]
    var member: [UInt8]

    init(_ readings: [Reading], as encoding: RecordEncoding, level: Int32 = 6) {
        self.readings = readings
        self.encoding = encoding
        stream = StreamBuilder.stream(readings, as: encoding)
        member = Compressor.gzipMember(stream, level: level)
    }
}

/// A multi-member gzip file, as a unit that appends one member per upload writes it,
/// with where each member starts: the expectations of the tests.
struct MultiMemberFile {
    var uploads: [Upload]

    /// The uploads in `encodings`, each from its own device, `readingsPerMember` each.
    init(_ encodings: [RecordEncoding], readingsPerMember: Int = 60, seed: UInt64 = 1) {
        uploads = encodings.enumerated().map { index, encoding in
            Upload(
                Fixtures.readings(device: "UNIT-\(index + 1)", count: readingsPerMember, seed: seed &+ UInt64(index)),
                as: encoding)
        }
    }

    init(uploads: [Upload]) {
        self.uploads = uploads
    }

    var bytes: [UInt8] { uploads.flatMap(\.member) }
    var count: Int { uploads.count }

    /// Offset of member `index`: the sum of the compressed sizes before it.
    func start(_ index: Int) -> Int {
        uploads[..<index].reduce(0) { $0 + $1.member.count }
    }

    /// Offset just past member `index`.
    func end(_ index: Int) -> Int {
        start(index) + uploads[index].member.count
    }

    func range(_ index: Int) -> Range<Int> {
        start(index)..<end(index)
    }

    /// The member whose bytes hold `offset`, or nil past the end.
    func member(holding offset: Int) -> Int? {
        uploads.indices.first { range($0).contains(offset) }
    }
}

extension DecodedStream {
    /// The decoded member that begins at `offset` of the input.
    func member(at offset: Int) -> MemberResult? {
        members.first { $0.member.offset == offset }
    }

    /// The damages that concern the member with index `index`.
    func damages(ofMember index: Int) -> [ContainerDamage] {
        damages.filter { $0.member == index }
    }
}

/// Expects the member of `result` that starts at `start` to hold exactly `upload`: all its
/// readings in order, nothing rejected.
func expectWhole(_ result: DecodedStream, _ upload: Upload, at start: Int, format: ContainerFormat = .gzip, sourceLocation: SourceLocation = #_sourceLocation) {
    guard let decoded = result.member(at: start) else {
        Issue.record("no member starts at byte \(start)", sourceLocation: sourceLocation)
        return
    }
    #expect(decoded.member.format == format, sourceLocation: sourceLocation)
    #expect(decoded.encoding == upload.encoding, "member at \(start)", sourceLocation: sourceLocation)
    #expect(decoded.readings.count == upload.readings.count, "member at \(start)", sourceLocation: sourceLocation)
    #expect(decoded.readings == upload.readings, "member at \(start)", sourceLocation: sourceLocation)
    #expect(decoded.rejections.isEmpty, "member at \(start)", sourceLocation: sourceLocation)
    #expect(decoded.unknownKinds == 0, "member at \(start)", sourceLocation: sourceLocation)
}

/// Expects every reading of `decoded` to be one of `upload`'s: damage may lose readings,
/// never invent one.
func expectNoInventedReadings(_ decoded: DecodedStream.MemberResult?, _ upload: Upload, sourceLocation: SourceLocation = #_sourceLocation) {
    guard let decoded else { return }
    let encoded = Set(upload.readings)
    let invented = decoded.readings.filter { !encoded.contains($0) }
    #expect(invented.isEmpty, "readings that were never encoded: \(invented)", sourceLocation: sourceLocation)
}

/// Expects two decodings of the same bytes to be identical in everything they report.
func expectSameResult(_ actual: DecodedStream, _ expected: DecodedStream, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(actual.format == expected.format, "\(label)", sourceLocation: sourceLocation)
    #expect(actual.members.map(\.member) == expected.members.map(\.member), "\(label)", sourceLocation: sourceLocation)
    #expect(actual.members.map(\.encoding) == expected.members.map(\.encoding), "\(label)", sourceLocation: sourceLocation)
    #expect(actual.members.map(\.readings) == expected.members.map(\.readings), "\(label)", sourceLocation: sourceLocation)
    #expect(actual.members.map(\.rejections) == expected.members.map(\.rejections), "\(label)", sourceLocation: sourceLocation)
    #expect(actual.members.map(\.unknownKinds) == expected.members.map(\.unknownKinds), "\(label)", sourceLocation: sourceLocation)
    #expect(actual.damages == expected.damages, "\(label)", sourceLocation: sourceLocation)
}
