import CZlib

/// A zlib inflate stream for one gzip member or zlib stream, stopping at every deflate
/// block boundary (`Z_BLOCK`) so the reader knows how much input is safely decoded.
final class Inflater {
    enum Status {
        /// More input or output space is needed.
        case progress
        /// The member or stream ended; its checksum and length were right.
        case end
        /// zlib refused the data; `isChecksum` when only the trailer check failed.
        case failed(message: String, isChecksum: Bool)
    }

    private let stream: UnsafeMutablePointer<z_stream>
    private let windowBits: Int32

    /// An inflater for gzip members (`gzip`) or zlib streams.
    init(format: ContainerFormat) {
        windowBits = format == .gzip ? 15 + 16 : 15
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = tagwatch_inflateInit2(stream, windowBits)
        precondition(status == Z_OK, "zlib inflateInit2 failed (\(status)): out of memory")
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
    }

    /// Starts a new member.
    func reset() {
        inflateReset(stream)
    }

    /// Inflates from `input` into `output`; returns the bytes consumed and produced.
    func inflate(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> (consumed: Int, produced: Int, status: Status) {
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(input.count)
        stream.pointee.next_out = output.baseAddress?.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = uInt(output.count)
        let code = CZlib.inflate(stream, Z_BLOCK)
        let consumed = input.count - Int(stream.pointee.avail_in)
        let produced = output.count - Int(stream.pointee.avail_out)
        switch code {
        case Z_OK, Z_BUF_ERROR:
            return (consumed, produced, .progress)
        case Z_STREAM_END:
            return (consumed, produced, .end)
        default:
            let message = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(code)"
            let isChecksum = message == "incorrect data check" || message == "incorrect length check"
            return (consumed, produced, .failed(message: message, isChecksum: isChecksum))
        }
    }

    /// True when the last call stopped at the end of a deflate block (or the header):
    /// everything consumed so far is decoded.
    var isAtBlockBoundary: Bool { stream.pointee.data_type & 128 != 0 }
}
