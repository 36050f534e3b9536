/// A channel that cannot be set up as asked (no webhook secret, a spool folder that cannot
/// be made): the worker should stop and say so rather than fail every delivery.
public struct DeliverySetupError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    /// What a person can do about it.
    public var advice: String

    public init(_ message: String, advice: String) {
        self.message = message
        self.advice = advice
    }

    public var description: String {
        "\(message) (\(advice))"
    }
}
