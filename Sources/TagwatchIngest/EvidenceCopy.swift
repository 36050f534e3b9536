#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A stream's bytes exactly as received, copied while it is read and kept under its
/// SHA-256 once whole (alerts.md, "Evidence"): `FOLDER/<sha256>`.
///
/// The copy grows in a temporary file of the folder; ``keep(as:)`` flushes it to disk and
/// renames it, then flushes the folder, so a name in the folder always holds the whole
/// stream. A crash leaves at most a temporary file (`.incoming-*`, removed by purge); a
/// stream kept before is not written again.
public final class EvidenceCopy: @unchecked Sendable {
    public let folder: String
    private let temporary: String
    private var descriptor: Int32

    /// The prefix of temporary copies, for cleaning up after a crash.
    public static let temporaryPrefix = ".incoming-"

    /// Starts a copy in `folder`, creating it if need be.
    public init(folder: String) throws(ByteSource.Failure) {
        self.folder = folder
        try Self.createFolder(folder)
        var random = SystemRandomNumberGenerator()
        temporary = folder + "/" + Self.temporaryPrefix + String(random.next(), radix: 16) + "-" + String(getpid())
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o640)
        guard descriptor >= 0 else { throw Self.failure(temporary) }
    }

    deinit { discard() }

    /// Appends bytes as read.
    func append(_ bytes: UnsafeRawBufferPointer) throws(ByteSource.Failure) {
        var done = 0
        while done < bytes.count {
            let written = write(descriptor, bytes.baseAddress! + done, bytes.count - done)
            if written < 0 {
                if errno == EINTR { continue }
                throw Self.failure(temporary)
            }
            done += written
        }
    }

    /// Keeps the copy as `FOLDER/<sha256>` and returns that path; when the folder holds
    /// that stream already, the copy is dropped.
    @discardableResult
    public func keep(as sha256: String) throws(ByteSource.Failure) -> String {
        let path = folder + "/" + sha256
        guard descriptor >= 0 else { throw ByteSource.Failure(name: temporary, reason: "the copy was already closed", operation: .keepEvidence) }
        guard fsync(descriptor) == 0 else { throw Self.failure(temporary) }
        close(descriptor)
        descriptor = -1
        if access(path, F_OK) == 0 {
            unlink(temporary)
            return path
        }
        guard rename(temporary, path) == 0 else { throw Self.failure(path) }
        // The rename is durable only once the folder itself is flushed.
        let folderDescriptor = open(folder, O_RDONLY | O_DIRECTORY)
        if folderDescriptor >= 0 {
            fsync(folderDescriptor)
            close(folderDescriptor)
        }
        return path
    }

    /// Drops an unfinished copy (the stream could not be read, or the batch failed).
    func discard() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
        unlink(temporary)
    }

    private static func createFolder(_ folder: String) throws(ByteSource.Failure) {
        if mkdir(folder, 0o750) == 0 || errno == EEXIST {
            var status = stat()
            guard stat(folder, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else {
                throw ByteSource.Failure(name: folder, reason: "a file has the evidence folder's name", operation: .keepEvidence)
            }
            return
        }
        throw failure(folder)
    }

    private static func failure(_ path: String) -> ByteSource.Failure {
        ByteSource.Failure(name: path, reason: String(cString: strerror(errno)), operation: .keepEvidence)
    }
}
