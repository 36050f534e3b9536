#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The folder the site's mail relay takes messages from (alerts.md, "The follow-up
/// worker": `--spool DIR`). A message appears in it whole or not at all: it is written
/// to a temporary file of the folder (`.incoming-…`, a dot-file relays pass over), flushed,
/// renamed to its name, and the folder flushed so the rename survives a crash. A crash
/// before the rename leaves at most such a temporary file.
struct SpoolFolder: Sendable {
    let path: String

    /// The folder at `path`, made if missing (its parent must exist).
    init(path: String) throws(DeliverySetupError) {
        self.path = path
        if mkdir(path, 0o750) != 0 && errno != EEXIST {
            throw DeliverySetupError("cannot make the mail spool folder \(path): \(Self.systemError())",
                                     advice: "give --spool a folder the worker may write to")
        }
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else {
            throw DeliverySetupError("the mail spool \(path) is not a folder", advice: "give --spool a folder")
        }
    }

    /// Writes `bytes` as `name` in the folder, replacing a file of that name at once.
    func write(_ bytes: [UInt8], as name: String) throws(DeliveryFailure) {
        var random = SystemRandomNumberGenerator()
        let temporary = path + "/.incoming-" + String(random.next(), radix: 16) + "-" + String(getpid())
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o640)
        guard descriptor >= 0 else { throw failure("cannot write in") }
        guard writeFully(descriptor, bytes) else { try abandon(temporary, descriptor, failure("cannot write in")) }
        guard fsync(descriptor) == 0 else { try abandon(temporary, descriptor, failure("cannot flush a message in")) }
        close(descriptor)
        guard rename(temporary, path + "/" + name) == 0 else {
            let error = failure("cannot rename a message in")
            unlink(temporary)
            throw error
        }
        let folder = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { if folder >= 0 { close(folder) } }
        // Without this the rename may not outlive a crash; failing says "try again", which
        // writes the same file.
        guard folder >= 0, fsync(folder) == 0 else { throw failure("cannot flush") }
    }

    private func abandon(_ temporary: String, _ descriptor: Int32, _ error: DeliveryFailure) throws(DeliveryFailure) -> Never {
        close(descriptor)
        unlink(temporary)
        throw error
    }

    private func failure(_ what: String) -> DeliveryFailure {
        DeliveryFailure("\(what) the mail spool folder \(path): \(Self.systemError())")
    }

    private static func systemError() -> String {
        String(cString: strerror(errno))
    }
}

/// Writes all of `bytes` to `descriptor`, through interruptions and short writes.
private func writeFully(_ descriptor: Int32, _ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBytes { buffer in
        var done = 0
        while done < buffer.count {
            let count = write(descriptor, buffer.baseAddress! + done, buffer.count - done)
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { return false }
            done += count
        }
        return true
    }
}
