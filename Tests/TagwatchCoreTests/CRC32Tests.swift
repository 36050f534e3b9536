import CZlib
import PropertyBased
import TagwatchCore
import Testing

/// The record checksum equals zlib's CRC-32 (the polynomial streams.md §2.1 names) for
/// every length, alignment and starting value.
@Suite struct CRC32Tests {
    @Test func theStandardCheckValue() {
        let value = Array("123456789".utf8).withUnsafeBytes { CRC32.checksum($0) }
        #expect(value == 0xCBF4_3926)
        #expect([UInt8]().withUnsafeBytes { CRC32.checksum($0) } == 0)
    }

    @Test func equalsZlibOnRandomBytes() async {
        await propertyCheck(count: 500, input: Gen.uint8().array(of: 0...300), Gen.int(in: 0...7), Gen.uint32()) { bytes, skip, start in
            let offset = min(skip, bytes.count)
            bytes.withUnsafeBytes { buffer in
                let slice = UnsafeRawBufferPointer(rebasing: buffer[offset...])
                let zlib = slice.baseAddress.map {
                    UInt32(truncatingIfNeeded: crc32(uLong(start), $0.assumingMemoryBound(to: Bytef.self), uInt(slice.count)))
                } ?? start
                #expect(CRC32.update(start, slice) == zlib)
            }
        }
    }
}
