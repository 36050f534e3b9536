import Foundation
import TagwatchIngest
import TagwatchRules
import TagwatchStore

/// One batch against the store (streams.md §4: one `ingest` command, or one live upload):
/// every input is checked first, so a missing file stops the batch before anything is
/// read; then each is read in turn (a batch may hold more files than a process may keep
/// open) through the rules, kept in the evidence folder as it is read, and the streams,
/// alerts, the devices' states, the watermark and an audit entry commit together.
public struct StoredBatch {
    public var files: [String]
    public var store: Store
    public var configuration: RulesConfiguration
    /// Moves the watermark on to this instant for the batch (`--now`).
    public var now: Int64?

    public init(files: [String], store: Store, configuration: RulesConfiguration = RulesConfiguration(), now: Int64? = nil) {
        self.files = files
        self.store = store
        self.configuration = configuration
        self.now = now
    }

    /// What a batch did.
    public struct Outcome {
        public var batch: BatchIngest
        public var alerts: AlertCounts
    }

    public func run() throws(BatchFailure) -> Outcome {
        do {
            for name in files { try ByteSource.check(name: name) }
        } catch {
            throw BatchFailure(.input, error.description, advice: "nothing was ingested; check the path and try again")
        }
        let wallClock = Int64(Date().timeIntervalSince1970 * 1000)
        let t0 = Date()
        func lap(_ what: String) { FileHandle.standardError.write(Data("\(what) \(Int(Date().timeIntervalSince(t0) * 1000)) ms\n".utf8)) }
        var monitor: Monitor
        let state: RuleState
        do {
            // The caseload and the rule state are read side by side: both grow with the
            // caseload, and both are needed before the first reading.
            let caseload = InBackground { [store] in try store.caseload() }
            state = try store.ruleState()
            lap("ruleState")
            _ = try caseload.value()
            lap("caseload")
            monitor = Monitor(caseload: try caseload.value(), configuration: configuration,
                              watermark: state.watermark, devices: state.devices)
        } catch {
            throw BatchFailure(.state, "\(error)", advice: "nothing was ingested")
        }
        lap("monitor")
        var batch = BatchIngest(wallClock: wallClock, conflictWindowMinutes: configuration.gapHoldMinutes)
        batch.evidenceFolder = store.evidenceFolder
        for name in files {
            do {
                try batch.ingest(ByteSource(name: name), into: &monitor)
            } catch where error.operation == .keepEvidence {
                throw BatchFailure(.evidence, error.description, advice: "nothing of the batch was committed: every stream must be kept before it counts. Make the evidence folder \(store.evidenceFolder) writable (or move what has its name), then run it again")
            } catch {
                throw BatchFailure(.read, error.description, advice: "the batch stopped there and nothing of it was committed; run it again once the file can be read")
            }
        }
        lap("ingest")
        let changes = monitor.endBatch(now: now)
        lap("endBatch")
        defer { lap("commit") }
        do {
            let alerts = try store.commit(BatchOutcome(
                changes: changes, devices: monitor.takeChangedDevices(), watermark: monitor.watermark,
                raisedAt: wallClock, streams: batch.reports.map(StreamRecord.init), after: state.batches))
            return Outcome(batch: batch, alerts: alerts)
        } catch {
            throw BatchFailure(.commit, error.description, advice: "nothing of this batch was committed")
        }
    }
}

/// Why a batch did not commit: which step, what happened, and what a person can do.
public struct BatchFailure: Error, CustomStringConvertible {
    public enum Step: Sendable {
        /// An input cannot be opened.
        case input
        /// The store's caseload or rule state cannot be read.
        case state
        /// An input could not be read to its end.
        case read
        /// A stream could not be kept in the evidence folder.
        case evidence
        /// The store refused or failed the commit.
        case commit
    }

    public var step: Step
    public var message: String
    public var advice: String

    init(_ step: Step, _ message: String, advice: String) {
        self.step = step
        self.message = message
        self.advice = advice
    }

    public var description: String { "\(message). \(advice.prefix(1).uppercased() + advice.dropFirst())." }
}

/// Work started on a thread of its own, its result waited for when needed.
final class InBackground<Value: Sendable>: @unchecked Sendable {
    private var result: Result<Value, any Error>?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () throws -> Value) {
        Thread { [self] in
            result = Result { try work() }
            done.signal()
        }.start()
    }

    /// Waits for the work; may be asked again.
    func value() throws -> Value {
        done.wait()
        done.signal()
        return try result!.get()
    }
}
