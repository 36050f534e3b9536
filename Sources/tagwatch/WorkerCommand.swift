import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle
import TagwatchCaseload
import TagwatchDelivery
import TagwatchStore
import TagwatchWorker

/// `tagwatch worker [--once] [--now T] [--spool DIR]` (alerts.md, "The follow-up worker").
struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Prompt people about alerts: deliver the outbox, escalate, raise transitions, send daily summaries.",
        discussion: """
            Webhooks are signed with the secret in TAGWATCH_WEBHOOK_SECRET (at least \(WebhookChannel.minimumSecretLength) bytes). \
            Emails are written as RFC 5322 files to the spool folder for the site's mail relay. \
            SIGTERM or SIGINT: the worker finishes the deliveries in flight and exits 0.
            """)

    @OptionGroup var store: StoreOptions
    @Flag(help: "One pass, then exit (for cron and tests).") var once = false
    @Option(help: "The time to run at (RFC 3339, UTC) instead of the clock's: the pass's with --once, else where the worker's clock starts.")
    var now: InstantArgument?
    @Option(help: "Folder for outgoing email (default: outbox-mail/ beside the store).") var spool: String?

    func run() async throws {
        let opened = try StoreOptions.openExisting(store.path)
        let spoolFolder = spool ?? URL(fileURLWithPath: store.path).deletingLastPathComponent().appendingPathComponent("outbox-mail").path
        let mail: MailSpool
        let webhook: WebhookChannel?
        do {
            mail = try MailSpool(folder: spoolFolder)
            webhook = try ProcessInfo.processInfo.environment["TAGWATCH_WEBHOOK_SECRET"].map { try WebhookChannel(secret: Array($0.utf8)) }
        } catch {
            throw CleanExit.message("error: \(error).", code: 1)
        }
        if webhook == nil, try opened.caseload().namesAWebhook {
            throw CleanExit.message("error: the caseload names webhooks but TAGWATCH_WEBHOOK_SECRET is not set, so they cannot be signed (set it to a secret of at least \(WebhookChannel.minimumSecretLength) bytes shared with the receivers).", code: 1)
        }
        let worker = FollowUpWorker(store: opened, webhook: webhook, mail: mail)
        let outcome: Result<String?, any Error>
        do {
            outcome = .success(try await run(worker))
        } catch {
            outcome = .failure(error)
        }
        // The HTTP client must be shut down whatever happened, once.
        try? await webhook?.shutdown()
        if let line = try outcome.get() { print(line) }
    }

    /// One pass (its report), or the service until SIGTERM or SIGINT.
    private func run(_ worker: FollowUpWorker) async throws -> String? {
        if once {
            return try await worker.pass(now: now?.milliseconds ?? Self.wallClock()).line
        }
        // From --now, the worker's clock runs on at the wall clock's pace.
        let offset = now.map { $0.milliseconds - Self.wallClock() } ?? 0
        var logger = Logger(label: "tagwatch.worker")
        logger.logLevel = .info
        let service = WorkerService(worker: worker, logger: logger, clock: { Self.wallClock() + offset })
        let group = ServiceGroup(configuration: .init(services: [service], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        return nil
    }

    static func wallClock() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }
}

extension Caseload {
    var namesAWebhook: Bool {
        centre?.notify.webhook != nil || officers.contains { $0.notify.webhook != nil }
    }
}

extension FollowUpWorker.Pass {
    var line: String {
        "worker pass: \(transitionsRaised) transitions raised, \(escalated) alerts escalated, \(summariesOwed) summaries owed, "
            + "\(deliveriesQueued) deliveries queued, \(delivered) delivered, \(failed) failed (to retry), \(dead) dead"
    }
}
