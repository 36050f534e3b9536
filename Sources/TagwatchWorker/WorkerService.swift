import Foundation
import Logging
import ServiceLifecycle
import TagwatchStore

/// The worker as a long-running service (swift-service-lifecycle): a pass on the wall
/// clock, then a short wait, until a graceful shutdown (SIGTERM, SIGINT), which lets the
/// deliveries in flight finish and takes no more.
public struct WorkerService: Service {
    public var worker: FollowUpWorker
    public var logger: Logger
    /// The wait between passes: the latency from an alert's commit to its delivery.
    public var interval: Duration
    /// Milliseconds since the epoch: the wall clock, or one started at `--now`.
    public var clock: @Sendable () -> Int64

    public init(worker: FollowUpWorker, logger: Logger, interval: Duration = .milliseconds(200),
                clock: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1000) }) {
        self.worker = worker
        self.logger = logger
        self.interval = interval
        self.clock = clock
    }

    public func run() async throws {
        logger.info("worker started", metadata: ["owner": "\(worker.owner)"])
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                let pass = try await worker.pass(clock: clock, stopping: { Task.isShuttingDownGracefully })
                if pass != FollowUpWorker.Pass() { logger.info("pass", metadata: pass.metadata) }
            } catch {
                // A store busy or briefly unavailable: the next pass tries again.
                logger.error("pass failed: \(error)")
            }
            try? await Task.sleep(for: interval)
        }
        logger.info("worker stopped")
    }
}

extension FollowUpWorker.Pass {
    var metadata: Logger.Metadata {
        ["transitions": "\(transitionsRaised)", "escalated": "\(escalated)", "summaries": "\(summariesOwed)",
         "queued": "\(deliveriesQueued)", "delivered": "\(delivered)", "failed": "\(failed)", "dead": "\(dead)"]
    }
}
