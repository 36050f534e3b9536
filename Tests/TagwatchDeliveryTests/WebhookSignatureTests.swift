import TagwatchDelivery
import TagwatchSamples
import TagwatchDeliveryTesting
import Testing

/// The signature header against HMAC-SHA256 values computed outside Swift (RFC 4231 and
/// `openssl dgst -sha256 -hmac`).
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

    @Test func aNotificationBodyAsOpenSSLSignsIt() {
        #expect(WebhookSignature.header(body: DeliveryFixtures.body, secret: DeliveryFixtures.secret) == DeliveryFixtures.bodySignature)
    }

    /// Any body signed with a secret verifies under that secret (checked by the receiver's
    /// own swift-crypto code), and not once a byte of the body or the secret changes.
    @Test func signaturesVerifyOnlyForTheirBodyAndSecret() {
        var random = SplitMix64(seed: 4231)
        for _ in 0..<200 {
            let body = (0..<Int.random(in: 0...300, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            let secret = (0..<Int.random(in: 1...80, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            let header = WebhookSignature.header(body: body, secret: secret)
            #expect(header.hasPrefix("sha256="))
            #expect(header.dropFirst(7).count == 64)
            #expect(header.dropFirst(7).allSatisfy { "0123456789abcdef".contains($0) })
            #expect(ReceivedRequest.verifies(header, body: body, secret: secret))
            var otherSecret = secret
            otherSecret[Int.random(in: 0..<secret.count, using: &random)] ^= 0x01
            #expect(!ReceivedRequest.verifies(header, body: body, secret: otherSecret))
            if !body.isEmpty {
                var otherBody = body
                otherBody[Int.random(in: 0..<body.count, using: &random)] ^= 0x80
                #expect(!ReceivedRequest.verifies(header, body: otherBody, secret: secret))
            }
        }
    }
}
