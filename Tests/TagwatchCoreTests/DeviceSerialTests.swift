import PropertyBased
import TagwatchCore
import Testing

/// streams.md §2.1: `dev` is 1 to 32 ASCII characters of `[A-Za-z0-9_-]`.
@Suite struct DeviceSerialTests {
    /// The contract's character set, spelled out.
    static let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-".utf8)

    @Test func exactlyTheContractsCharactersAreAllowed() {
        for byte in UInt8.min...UInt8.max {
            #expect(DeviceSerial.isAllowed(byte) == Self.allowed.contains(byte), "byte 0x\(String(byte, radix: 16))")
        }
    }

    @Test func oneToThirtyTwoCharactersAreAccepted() {
        #expect(DeviceSerial("") == nil)
        #expect(DeviceSerial("a")?.count == 1)
        #expect(DeviceSerial(String(repeating: "Z", count: 32))?.count == 32)
        #expect(DeviceSerial(String(repeating: "Z", count: 33)) == nil)
        #expect(DeviceSerial("TAC 1") == nil)
        #expect(DeviceSerial("TÄC") == nil)
    }

    /// Every character lands in its place, across all four packed words.
    @Test func everyPositionReadsBack() {
        let text = "abcdefghijklmnopqrstuvwxyz_-0123"
        for length in 1...32 {
            let prefix = String(text.prefix(length))
            let serial = DeviceSerial(prefix)
            #expect(serial?.description == prefix)
            #expect(serial?.bytes == Array(prefix.utf8))
        }
    }

    static let serials = Generator(run: { rng in ReadingGen.serial(using: &rng) })

    @Test func serialsCompareAndHashAsTheirText() async {
        await propertyCheck(count: 2000, input: Self.serials, Self.serials) { left, right in
            let leftText = left.description, rightText = right.description
            #expect(DeviceSerial(leftText) == left)
            #expect((left < right) == (leftText.utf8.lexicographicallyPrecedes(rightText.utf8)), "\(leftText) < \(rightText)")
            #expect((left == right) == (leftText == rightText))
            if left == right { #expect(left.hashValue == right.hashValue) }
        }
    }

    @Test func aSerialThatIsAPrefixOfAnotherSortsFirst() {
        #expect(DeviceSerial("AB")! < DeviceSerial("AB0")!)
        #expect(DeviceSerial("AB-")! < DeviceSerial("AB0")!)
        #expect(!(DeviceSerial("AB")! < DeviceSerial("AB")!))
        #expect(DeviceSerial("AB")! != DeviceSerial("AB0")!)
    }
}
