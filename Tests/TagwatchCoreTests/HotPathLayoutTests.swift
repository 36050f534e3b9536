import TagwatchCore
import Testing

/// A guard on the sizes of the types every decoded reading is made of.
///
/// Decoding touches each of millions of readings once: `Reading` must stay small, inline
/// and free of references, so that a `DecodedBatch` is one flat array and a reading
/// never allocates or retains. These sizes were measured on x86_64 and arm64 (64-bit);
/// a change here is a design decision, to be made on purpose, not discovered in a
/// benchmark.
@Suite struct HotPathLayoutTests {
    /// Four words of packed characters and a one-byte count.
    @Test func deviceSerialIsFourWordsAndACount() {
        #expect(MemoryLayout<DeviceSerial>.size == 33)
        #expect(MemoryLayout<DeviceSerial>.stride == 40)
        #expect(MemoryLayout<DeviceSerial>.alignment == 8)
    }

    /// The largest case, a GPS fix (two doubles and a float), and a tag byte.
    @Test func payloadIsTheLargestCaseAndATag() {
        #expect(MemoryLayout<LocationFix>.size == 20)
        #expect(MemoryLayout<AlcoholSample>.size == 12)
        #expect(MemoryLayout<Payload>.size == 21)
        #expect(MemoryLayout<Payload>.stride == 24)
    }

    /// Serial (33, padded to 36), seq (4), time (8) and payload (21): 69 bytes, 72 in an
    /// array.
    @Test func readingIsSeventyTwoBytesInAnArray() {
        #expect(MemoryLayout<Reading>.size == 69)
        #expect(MemoryLayout<Reading>.stride == 72)
        #expect(MemoryLayout<Reading>.alignment == 8)
    }

    /// No references anywhere inside: copying a reading is a memcpy, with no retain or
    /// release and nothing on the heap.
    @Test func readingsHoldNoReferences() {
        #expect(_isPOD(Reading.self))
        #expect(_isPOD(DeviceSerial.self))
        #expect(_isPOD(Payload.self))
        #expect(_isPOD(Rejection.self) == false, "a rejection carries its detail text; it is off the hot path")
    }
}
