import Hummingbird
import Logging
import NIOCore

extension WebhookReceiver {
    /// Why the receiver could not start.
    public struct StartFailure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Starts a receiver that verifies signatures with `secret`, runs `body` with it, and
    /// stops it, whether `body` returns or throws. Stopping cancels any stalled answer.
    public static func run<Result>(secret: some Collection<UInt8>,
                                   _ body: (WebhookReceiver) async throws -> Result) async throws -> Result {
        let log = ReceiverLog(secret: Array(secret))
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        // Warnings and errors only: a line for every server started would bury the tests' output.
        var logger = Logger(label: "tagwatch.webhook-receiver")
        logger.logLevel = .warning
        let application = Application(
            responder: CallbackResponder { (request: Request, _: BasicRequestContext) in
                try await answer(request, log: log)
            },
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                if let port = channel.localAddress?.port { portSink.yield(port) }
                portSink.finish()
            },
            logger: logger
        )
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                defer { portSink.finish() }
                try await application.run()
            }
            var listening = ports.makeAsyncIterator()
            guard let port = await listening.next() else {
                try await group.next()
                throw StartFailure(description: "the webhook receiver stopped before it listened")
            }
            defer { group.cancelAll() }
            return try await body(WebhookReceiver(port: port, log: log))
        }
    }

    private static func answer(_ request: Request, log: ReceiverLog) async throws -> Response {
        let body = try await request.body.collect(upTo: 1 << 20)
        let answer = log.record(method: request.method.rawValue, path: request.uri.path,
                                headers: request.headers.map { ($0.name.rawName, $0.value) },
                                body: Array(body.readableBytesView))
        switch answer {
        case .status(let code):
            return Response(status: .init(code: code))
        case .stall(let duration):
            try await Task.sleep(for: duration)
            return Response(status: .ok)
        }
    }
}
