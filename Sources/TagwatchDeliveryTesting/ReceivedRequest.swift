import Crypto

/// One request as the ``WebhookReceiver`` took it: what came, when, whether it was signed
/// with the receiver's secret, and what it was answered.
public struct ReceivedRequest: Sendable {
    public var method: String
    /// The path, without any query (`/officers/PO-1`).
    public var path: String
    /// Every header in the order sent, names as sent.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    /// When the request's body had arrived, on the continuous clock (for the gaps between
    /// retries).
    public var receivedAt: ContinuousClock.Instant
    /// True when `X-Tagwatch-Signature` is `sha256=` and the hex HMAC-SHA256 of the body
    /// keyed by the receiver's secret, checked here with swift-crypto rather than with
    /// the code under test.
    public var signatureVerified: Bool
    public var answer: WebhookReceiver.Answer

    /// The first value of the header `name`, compared without regard to case.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The `Idempotency-Key` header.
    public var idempotencyKey: String? {
        header("Idempotency-Key")
    }

    /// Whether `header` is `sha256=<lowercase hex>` of the HMAC-SHA256 of `body` under
    /// `secret`: how a receiver checks a prompt came from Tagwatch.
    public static func verifies(_ header: String?, body: [UInt8], secret: [UInt8]) -> Bool {
        guard let header, header.hasPrefix("sha256="), let code = bytes(hex: header.dropFirst(7)) else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(code, authenticating: body, using: SymmetricKey(data: secret))
    }

    /// The bytes of lowercase hex text, or nil when it is not that.
    private static func bytes(hex: Substring) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        func value(_ digit: UInt8) -> UInt8? {
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
            default: nil
            }
        }
        var bytes: [UInt8] = []
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let high = value(digits[index]), let low = value(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }
}
