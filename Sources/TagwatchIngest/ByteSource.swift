#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file or standard input, read in chunks with plain `read(2)`. One thread reads it at
/// a time (ingest hands it to its reading thread).
public final class ByteSource: @unchecked Sendable {
    /// Chunk size for reads.
    public static let chunkSize = 256 * 1024

    /// An input that cannot be opened or read, or a copy of it that cannot be kept as
    /// evidence: the path, with what the system said.
    public struct Failure: Error, CustomStringConvertible {
        public enum Operation: Sendable { case read, keepEvidence }

        public var name: String
        public var reason: String
        public var operation: Operation = .read

        public var description: String {
            switch operation {
            case .read: "cannot read \(name): \(reason)"
            case .keepEvidence: "cannot keep the evidence copy at \(name): \(reason)"
            }
        }
    }

    public let name: String
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private let buffer: UnsafeMutableRawBufferPointer

    /// Opens `name` for reading; `-` is standard input.
    public init(name: String) throws(Failure) {
        self.name = name
        if name == "-" {
            descriptor = STDIN_FILENO
            ownsDescriptor = false
        } else {
            descriptor = try Self.openFile(name, flags: O_RDONLY)
            ownsDescriptor = true
        }
        buffer = .allocate(byteCount: Self.chunkSize, alignment: 16)
    }

    /// Checks that `name` can be opened for reading, without keeping it open, so a batch
    /// can refuse a missing file before it reads anything yet open each file only in turn.
    public static func check(name: String) throws(Failure) {
        guard name != "-" else { return }
        // Non-blocking, so a named pipe is not waited on (nor its writer disturbed) here.
        close(try openFile(name, flags: O_RDONLY | O_NONBLOCK))
    }

    /// Opens `name` with `flags`, refusing a directory.
    private static func openFile(_ name: String, flags: Int32) throws(Failure) -> Int32 {
        let opened = open(name, flags)
        guard opened >= 0 else { throw Failure(name: name, reason: String(cString: strerror(errno))) }
        var status = stat()
        if fstat(opened, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            close(opened)
            throw Failure(name: name, reason: "it is a directory")
        }
        return opened
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
        buffer.deallocate()
    }

    /// The next chunk, valid until the next call; empty at the end.
    public func next() throws(Failure) -> UnsafeRawBufferPointer {
        while true {
            let count = read(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 { return UnsafeRawBufferPointer(rebasing: buffer[..<count]) }
            if errno == EINTR { continue }
            throw Failure(name: name, reason: String(cString: strerror(errno)))
        }
    }
}
