import PropertyBased
import TagwatchCore
import Testing

/// Devices are numbered in order of first sight, whatever the order of lookups after
/// (the remembered last two must never answer for a third device).
@Suite struct DeviceSlotsTests {
    @Test func anyLookupOrderGivesFirstSightNumbering() async {
        let serials = (1...5).map { DeviceSerial("DEV-\($0)")! }
        await propertyCheck(count: 300, input: Gen.int(in: 0...4).array(of: 0...60)) { picks in
            var slots = DeviceSlots()
            var expected: [DeviceSerial: Int] = [:]
            for pick in picks {
                let serial = serials[pick]
                let isNew = expected[serial] == nil
                if isNew { expected[serial] = expected.count }
                let found = slots.slot(for: serial)
                #expect(found.slot == expected[serial])
                #expect(found.isNew == isNew)
            }
            #expect(slots.count == expected.count)
        }
    }
}
