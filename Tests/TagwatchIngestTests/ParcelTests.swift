@testable import TagwatchIngest
import TagwatchCompression
import Testing

/// Parcels are handed over when their bytes or their events reach a limit, so a stream
/// of many tiny members cannot pile its events into one parcel.
@Suite struct ParcelTests {
    @Test func aParcelIsFullAtItsEventLimitEvenWithoutBytes() {
        let parcel = Parcel()
        let member = Member(index: 0, offset: 0, format: .gzip)
        for _ in 0..<(Parcel.eventCapacity - 1) { parcel.add(.memberStarted(member)) }
        #expect(parcel.fits(0))
        parcel.add(.memberEnded(member))
        #expect(!parcel.fits(0))
    }

    @Test func aParcelIsFullAtItsByteLimit() {
        let parcel = Parcel()
        #expect(parcel.fits(Parcel.capacity))
        #expect(!parcel.fits(Parcel.capacity + 1))
    }
}
