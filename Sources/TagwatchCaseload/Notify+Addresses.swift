import Foundation

/// What a prompt's address may be, checked when the caseload is loaded: a bad address
/// found then is fixed by a person at once, instead of failing every delivery for a day
/// before the centre hears of it (alerts.md, "Retries").
extension Notify {
    /// A plain `local@domain` (RFC 5322 §3.4.1, dot-atoms only): printable ASCII without
    /// spaces or specials, one `@`, something on either side. Quoted local parts and
    /// address literals are refused rather than half understood; nothing here can break
    /// a mail header.
    public static func isMailAddress(_ address: String) -> Bool {
        let specials = Set("()<>[]:;@\\,\"".utf8)
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        return parts.allSatisfy { part in
            !part.isEmpty && !part.hasPrefix(".") && !part.hasSuffix(".") && !part.contains("..")
                && part.utf8.allSatisfy { (0x21...0x7E).contains($0) && !specials.contains($0) }
        }
    }

    /// An absolute `http` or `https` URL with a host, in printable ASCII without spaces.
    public static func isWebhookURL(_ text: String) -> Bool {
        guard text.utf8.allSatisfy({ (0x21...0x7E).contains($0) }), let url = URLComponents(string: text),
              let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty else { return false }
        return true
    }
}
