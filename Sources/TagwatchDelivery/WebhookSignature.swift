import Crypto

/// The `X-Tagwatch-Signature` header of a webhook (alerts.md, "The follow-up worker"):
/// `sha256=` and the lowercase hex HMAC-SHA256 of the exact body bytes, keyed by the
/// site's secret, so a receiver can tell a prompt from Tagwatch from a forged one.
public enum WebhookSignature {
    /// The header's name.
    public static let headerName = "X-Tagwatch-Signature"

    /// The header's value for `body` keyed by `secret`.
    public static func header(body: some Sequence<UInt8>, secret: some Sequence<UInt8>) -> String {
        let key = SymmetricKey(data: Array(secret))
        let code = HMAC<SHA256>.authenticationCode(for: Array(body), using: key)
        return "sha256=" + code.lowercaseHex
    }
}
