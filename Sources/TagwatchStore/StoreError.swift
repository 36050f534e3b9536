/// Something the store could not do: what, where, and what a person can do about it.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// The database cannot be opened or created.
        case unavailable
        /// A read or write failed.
        case failed
        /// What the store holds cannot be read back (a damaged or foreign database).
        case corrupt
        /// The thing asked for is not in the store (an alert id).
        case notFound
        /// The request is well formed but not allowed now (acknowledging a resolved alert).
        case refused
        /// Another command changed the store meanwhile; nothing of this one was kept.
        case conflict
    }

    public var code: Code
    public var message: String
    public var context: [String: String]
    public var advice: String?

    public init(_ code: Code, _ message: String, context: [String: String] = [:], advice: String? = nil) {
        self.code = code
        self.message = message
        self.context = context
        self.advice = advice
    }

    public var description: String {
        message + (advice.map { " (\($0))" } ?? "")
    }
}
