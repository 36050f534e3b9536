import AsyncHTTPClient
import NIOCore
import NIOPosix
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension WebhookChannel {
    /// Why a POST to `url` got no answer, in words a person reading the outbox or the
    /// dead-letter alert can act on.
    func reason(for error: any Error, url: String) -> String {
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .connectTimeout, .writeTimeout:
                return "no answer within \(Self.words(timeout)) from \(url)"
            case .invalidURL, .emptyHost:
                return "\(url) is not a URL"
            case .remoteConnectionClosed:
                return "\(url) closed the connection without an answer"
            default:
                return "could not post to \(url): \(error)"
            }
        }
        if let error = error as? NIOConnectionError, let failure = error.connectionErrors.first?.error as? IOError {
            return "could not connect to \(url): \(Self.words(failure))"
        }
        if let error = error as? NIOConnectionError, error.dnsAError != nil || error.dnsAAAAError != nil {
            return "could not find the host of \(url)"
        }
        if let error = error as? IOError {
            return "could not connect to \(url): \(Self.words(error))"
        }
        return "could not post to \(url): \(error)"
    }

    /// "10 s", or "300 ms" for a timeout that is not whole seconds.
    static func words(_ duration: Duration) -> String {
        duration.components.attoseconds == 0 ? "\(duration.components.seconds) s" : "\(duration.milliseconds) ms"
    }

    /// The system's words for the error number ("Connection refused"), lowercased.
    private static func words(_ error: IOError) -> String {
        String(cString: strerror(error.errnoCode)).lowercased()
    }
}
