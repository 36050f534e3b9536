#if canImport(Glibc)
import Glibc
#endif
import TagwatchCompression
import TagwatchCore
import TagwatchTesting
import Testing

/// A gzip bomb (a GiB of zeros in about a MB) is read through in bounded memory: zeros
/// hold no newline, so each member is one NDJSON line rejected as `length` while it
/// streams past, never buffered.
///
/// Serialized: the two bombs measure the process's peak memory and must not overlap.
@Suite(.serialized) struct GzipBombTests {
    static let gibibyte = 1 << 30
    static let mebibyte = 1 << 20
    /// The most the peak resident memory may grow while a bomb is decoded.
    static let memoryBudget = 100 * mebibyte
    static let chunkSize = 64 * 1024

    /// The process's peak resident memory in bytes. Resets the peak to the current
    /// resident memory first when the kernel allows it (Linux `clear_refs`), so that
    /// earlier tests' peaks do not hide this test's growth.
    ///
    /// Read from `VmHWM` in `/proc/self/status` where there is one: on Linux,
    /// `getrusage`'s `ru_maxrss` also counts the peak of the image the process was
    /// exec'd from (the test runner's, some 130 MB here), which would hide any growth
    /// below it. `ru_maxrss` is the fallback.
    static func peakResidentBytes(resettingFirst reset: Bool = false) -> Int {
        #if canImport(Glibc)
        if reset, let file = fopen("/proc/self/clear_refs", "w") {
            fputs("5", file)
            fclose(file)
        }
        if let kilobytes = statusField("VmHWM:") { return kilobytes * 1024 }
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return usage.ru_maxrss * 1024
        #else
        return 0
        #endif
    }

    /// The number after `name` in `/proc/self/status` (in kB for memory fields).
    static func statusField(_ name: String) -> Int? {
        #if canImport(Glibc)
        guard let file = fopen("/proc/self/status", "r") else { return nil }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 256)
        while fgets(&line, Int32(line.count), file) != nil {
            let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if text.hasPrefix(name) {
                return Int(text.dropFirst(name.count).filter(\.isNumber))
            }
        }
        #endif
        return nil
    }

    @Test func handMadeZeroMembersAreValidGzip() throws {
        // The CRC of zeros, against the trailer zlib writes.
        for count in [0, 1, 7, 1000, 65_537, Self.mebibyte] {
            let member = Compressor.gzipMember([UInt8](repeating: 0, count: count))
            let trailer = Array(member.suffix(8))
            #expect(GzipFraming.trailer(crc: GzipFraming.crc32OfZeros(count), size: count) == trailer, "\(count) zeros")
        }
        let (member, size) = GzipFraming.zerosMember(repeats: 1000)
        #expect(size == 258_001)
        let trace = ContainerTrace(member + member, chunkSize: 1000)
        #expect(trace.damages.isEmpty)
        #expect(trace.memberData == [[UInt8](repeating: 0, count: size), [UInt8](repeating: 0, count: size)])
    }

    @Test func aGibibyteOfZerosInMembersOfAMebibyte() {
        let one = Compressor.gzipMember([UInt8](repeating: 0, count: Self.mebibyte))
        let memberCount = Self.gibibyte / Self.mebibyte
        var bytes: [UInt8] = []
        bytes.reserveCapacity(one.count * memberCount)
        for _ in 0..<memberCount { bytes += one }

        let before = Self.peakResidentBytes(resettingFirst: true)
        let result = DecodedStream.decode(bytes, chunkSize: Self.chunkSize)
        let growth = Self.peakResidentBytes() - before

        #expect(result.format == .gzip)
        #expect(result.damages.isEmpty)
        #expect(result.members.count == memberCount)
        #expect(result.members.map(\.member.offset) == (0..<memberCount).map { $0 * one.count })
        #expect(result.readings.isEmpty)
        #expect(result.members.allSatisfy { $0.encoding == .ndjson })
        #expect(result.members.allSatisfy { member in
            member.rejections.map(\.reason) == [.length]
                && member.rejections.map(\.offset) == [0]
                && member.rejections.map(\.length) == [Self.mebibyte]
        })
        #expect(growth < Self.memoryBudget, "peak memory grew by \(growth / Self.mebibyte) MiB")
    }

    @Test func aGibibyteOfZerosInOneMember() {
        // Built by hand (one fixed-code block, about 6.5 MB): Compressor would need the
        // GiB of zeros and as much again for its output, and that peak would hide the
        // decoder's.
        let (member, size) = GzipFraming.zerosMember(repeats: Self.gibibyte / 258)
        #expect(size > Self.gibibyte - 258)

        let before = Self.peakResidentBytes(resettingFirst: true)
        let result = DecodedStream.decode(member, chunkSize: Self.chunkSize)
        let growth = Self.peakResidentBytes() - before

        #expect(result.format == .gzip)
        #expect(result.damages.isEmpty)
        #expect(result.members.map(\.member) == [Member(index: 0, offset: 0, format: .gzip)])
        #expect(result.members.first?.encoding == .ndjson)
        #expect(result.readings.isEmpty)
        #expect(result.rejections.map(\.reason) == [.length])
        #expect(result.rejections.map(\.length) == [size])
        #expect(growth < Self.memoryBudget, "peak memory grew by \(growth / Self.mebibyte) MiB")
    }
}
