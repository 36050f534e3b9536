/// A real HTTP server on 127.0.0.1, on a port the system picks, standing in for an
/// officer's or the centre's webhook (alerts.md, "The follow-up worker") in tests: it
/// records every request, checks its signature with the secret it is given, answers as
/// scripted per path, and counts deliveries by idempotency key as a receiver dropping
/// repeats would.
///
/// ```swift
/// try await WebhookReceiver.run(secret: secret) { receiver in
///     receiver.script("/po-1", .status(503), times: 2)
///     … deliver to receiver.url("/po-1") …
///     #expect(receiver.uniqueKeys == ["n-1"])
/// }
/// ```
public final class WebhookReceiver: Sendable {
    /// The port the server listens on.
    public let port: Int
    private let log: ReceiverLog

    init(port: Int, log: ReceiverLog) {
        self.port = port
        self.log = log
    }

    /// `http://127.0.0.1:PORT` and `path`.
    public func url(_ path: String) -> String {
        "http://127.0.0.1:\(port)\(path)"
    }

    /// Answers the next `count` signed requests to `path` with `answer`, after any answers
    /// scripted for it before; once they are used up, the path answers 200. A request
    /// whose signature does not verify is answered 401 and uses up nothing.
    public func script(_ path: String, _ answer: Answer, times count: Int = 1) {
        log.script(path, Array(repeating: answer, count: count))
    }

    /// Every request taken, in the order they came.
    public var requests: [ReceivedRequest] {
        log.requests
    }

    /// The requests to `path`, in the order they came.
    public func requests(to path: String) -> [ReceivedRequest] {
        requests.filter { $0.path == path }
    }

    /// The idempotency keys of the signed requests, each once, in the order first seen:
    /// what a receiver dropping repeats would act on.
    public var uniqueKeys: [String] {
        var seen: Set<String> = []
        return signedKeys.filter { seen.insert($0).inserted }
    }

    /// How many signed requests carried a key already seen: the repeats a receiver drops.
    public var repeats: Int {
        signedKeys.count - Set(signedKeys).count
    }

    private var signedKeys: [String] {
        requests.filter(\.signatureVerified).compactMap(\.idempotencyKey)
    }
}
