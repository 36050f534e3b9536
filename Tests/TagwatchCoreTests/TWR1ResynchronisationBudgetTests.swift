import TagwatchCore
import Testing

/// While scanning damage, the CRC decides where the damaged range ends, even for a
/// record that is then rejected for its content; the body-shape check only spares the
/// CRC work once a damaged range has spent its budget on hostile candidates.
@Suite struct TWR1ResynchronisationBudgetTests {
    typealias R = ReferenceTWR1

    @Test func aRecordWithAValidCRCAndABadSerialEndsTheDamageAndIsRejectedForItsSerial() throws {
        let damaged = R.record(kind: 6, body: R.body(dev: "RF-1", seq: 1, t: 1_763_798_400_000, payload: []), crc: 0)
        let badSerial = R.record(kind: 6, body: R.body(dev: Array("A!".utf8), seq: 2, t: 1_763_798_400_000, payload: []))
        let good = R.record(kind: 6, body: R.body(dev: "RF-1", seq: 3, t: 1_763_798_400_000, payload: []))
        let result = CoreDecode.run(R.header + damaged + badSerial + good)
        #expect(result.rejections.map(\.reason) == [.crc, .deviceID])
        #expect(result.rejections.first?.offset == R.header.count)
        #expect(result.rejections.first?.length == damaged.count)
        #expect(result.rejections.last?.offset == R.header.count + damaged.count)
        #expect(result.readings.map(\.seq) == [3])
    }

    @Test func aFloodOfImplausibleCandidatesIsOneDamagedRangeAndItsRecordsAfterwardsRead() {
        // `A7 FF 00 04`: a sync byte, an unknown kind and len 1024, over and over: only
        // the first candidates of the range are checked by CRC.
        let flood = (0..<50_000).flatMap { _ in [0xA7, 0xFF, 0x00, 0x04] as [UInt8] }
        let good = R.record(kind: 6, body: R.body(dev: "RF-1", seq: 9, t: 1_763_798_400_000, payload: []))
        let result = CoreDecode.run(R.header + flood + good, chunkSize: 65_536)
        #expect(result.rejections.map(\.reason) == [.crc])
        #expect(result.rejections.first?.length == flood.count)
        #expect(result.readings.map(\.seq) == [9])
    }
}
