import Synchronization

/// What a ``WebhookReceiver`` has taken and what it is scripted to answer, shared between
/// the server's request handlers and the test.
final class ReceiverLog: Sendable {
    private struct State {
        var requests: [ReceivedRequest] = []
        var scripts: [String: [WebhookReceiver.Answer]] = [:]
    }

    let secret: [UInt8]
    private let state = Mutex(State())

    init(secret: [UInt8]) {
        self.secret = secret
    }

    var requests: [ReceivedRequest] {
        state.withLock { $0.requests }
    }

    func script(_ path: String, _ answers: [WebhookReceiver.Answer]) {
        state.withLock { $0.scripts[path, default: []] += answers }
    }

    /// Records a request and returns its answer: 401 when its signature does not verify,
    /// else the next scripted answer for its path, else 200.
    func record(method: String, path: String, headers: [(name: String, value: String)], body: [UInt8]) -> WebhookReceiver.Answer {
        let signature = headers.first { $0.name.lowercased() == "x-tagwatch-signature" }?.value
        let verified = ReceivedRequest.verifies(signature, body: body, secret: secret)
        return state.withLock { state in
            var answer = WebhookReceiver.Answer.status(401)
            if verified {
                answer = state.scripts[path]?.isEmpty == false ? state.scripts[path]!.removeFirst() : .status(200)
            }
            state.requests.append(ReceivedRequest(method: method, path: path, headers: headers, body: body,
                                                  receivedAt: .now, signatureVerified: verified, answer: answer))
            return answer
        }
    }
}
