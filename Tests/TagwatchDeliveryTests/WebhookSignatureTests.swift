import TagwatchDelivery
import Testing

/// The signature header against HMAC-SHA256 values computed outside Swift (RFC 4231,
/// checked with `openssl dgst -sha256 -hmac`).
@Suite struct WebhookSignatureTests {
    @Test func rfc4231TestCase2() {
        let header = WebhookSignature.header(body: Array("what do ya want for nothing?".utf8), secret: Array("Jefe".utf8))
        #expect(header == "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test func rfc4231TestCase6KeyLongerThanABlock() {
        let header = WebhookSignature.header(body: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
                                             secret: [UInt8](repeating: 0xAA, count: 131))
        #expect(header == "sha256=60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }
}
