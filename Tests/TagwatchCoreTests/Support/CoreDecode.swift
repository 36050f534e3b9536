import TagwatchCore

/// What `ReadingDecoder` alone (no container) makes of some bytes.
struct CoreDecoded: Equatable {
    var encoding: RecordEncoding?
    var readings: [Reading] = []
    /// Offset of each reading's record or line, parallel to `readings`.
    var offsets: [Int] = []
    var rejections: [Rejection] = []
    var unknownKinds = 0
}

enum CoreDecode {
    /// 2100-01-01T00:00:00Z: a wall clock ahead of every reading built in these tests.
    static let farFuture: Int64 = 4_102_444_800_000

    /// Decodes `bytes` through a `ReadingDecoder` fed in chunks of `chunkSize` (all at
    /// once when nil).
    static func run(_ bytes: [UInt8], chunkSize: Int? = nil, wallClock: Int64 = farFuture) -> CoreDecoded {
        run(bytes, chunkSizes: [chunkSize ?? max(bytes.count, 1)], wallClock: wallClock)
    }

    /// Decodes `bytes` fed in chunks whose sizes cycle through `chunkSizes`; the batch is
    /// drained after every call, as callers do.
    static func run(_ bytes: [UInt8], chunkSizes: [Int], wallClock: Int64 = farFuture) -> CoreDecoded {
        precondition(!chunkSizes.isEmpty && chunkSizes.allSatisfy { $0 > 0 })
        var decoder = ReadingDecoder(limits: ReadingLimits(wallClock: wallClock))
        var batch = DecodedBatch()
        var result = CoreDecoded()
        func collect() {
            result.readings += batch.readings
            result.offsets += batch.offsets
            result.rejections += batch.rejections
            result.unknownKinds += batch.unknownKinds
            batch.removeAll()
        }
        bytes.withUnsafeBytes { all in
            var start = 0
            var turn = 0
            while start < all.count {
                let end = min(all.count, start + chunkSizes[turn % chunkSizes.count])
                decoder.feed(UnsafeRawBufferPointer(rebasing: all[start..<end]), into: &batch)
                collect()
                start = end
                turn += 1
            }
        }
        decoder.finish(into: &batch)
        collect()
        result.encoding = decoder.encoding
        return result
    }
}

/// Shorthands for building expected readings.
enum Make {
    static func serial(_ text: String) -> DeviceSerial {
        guard let serial = DeviceSerial(text) else { preconditionFailure("\(text) is not a valid serial") }
        return serial
    }

    /// 2026-11-22T08:00:00Z, the time of the examples in streams.md §2.2.
    static let morning: Int64 = 1_763_798_400_000

    static func reading(_ dev: String, _ seq: UInt32, _ time: Int64 = morning, _ payload: Payload) -> Reading {
        Reading(device: serial(dev), seq: seq, time: time, payload: payload)
    }

    /// One reading of each kind, with values unlike those of `SampleReadings`.
    static let oneOfEachKind: [Reading] = [
        reading("TAC-7", 1, morning, .tac(AlcoholSample(tac: -0.5, ir: 3.25, temp: 36.125))),
        reading("RF_a-9", 2, morning + 1, .rf(inRange: true, rssi: -128)),
        reading("RF_a-9", 3, morning + 2, .rf(inRange: false, rssi: 127)),
        reading("Zz", 4, morning + 3, .strap(ok: false)),
        reading("Zz", 5, morning + 4, .strap(ok: true)),
        reading("HMU0", UInt32.max, morning + 5, .hmu([.onMains, .caseOpen])),
        reading("HMU0", 0, morning + 6, .hmu([])),
        reading("b", 6, morning + 7, .batt(percent: 0)),
        reading("b", 7, morning + 8, .batt(percent: 100)),
        reading(String(repeating: "x", count: 32), 8, morning + 9, .hb),
        reading("GPS-1", 9, morning + 10, .gps(LocationFix(lat: -33.856784, lon: 151.215297, accuracy: 1e6))),
    ]
}

/// The UTF-8 bytes of `text`.
func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }
