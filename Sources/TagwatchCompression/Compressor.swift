import CZlib

/// Compresses bytes into a gzip member or a zlib stream: what units upload, for the
/// sample generator and for tests.
public enum Compressor {
    /// One gzip member (RFC 1952) holding `bytes`. Members can be appended to one another.
    public static func gzipMember(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8] {
        deflate(bytes, level: level, windowBits: 15 + 16)
    }

    /// One zlib stream (RFC 1950) holding `bytes`.
    public static func zlibStream(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8] {
        deflate(bytes, level: level, windowBits: 15)
    }

    private static func deflate(_ bytes: [UInt8], level: Int32, windowBits: Int32) -> [UInt8] {
        var stream = z_stream()
        let initStatus = tagwatch_deflateInit2(&stream, level, windowBits)
        precondition(initStatus == Z_OK, "zlib deflateInit2 failed (\(initStatus))")
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))))
        var input = bytes
        let status = input.withUnsafeMutableBytes { source in
            output.withUnsafeMutableBytes { target in
                stream.next_in = source.baseAddress?.assumingMemoryBound(to: Bytef.self)
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress?.assumingMemoryBound(to: Bytef.self)
                stream.avail_out = uInt(target.count)
                return CZlib.deflate(&stream, Z_FINISH)
            }
        }
        precondition(status == Z_STREAM_END, "zlib deflate did not finish (\(status))")
        output.removeLast(Int(stream.avail_out))
        return output
    }
}
