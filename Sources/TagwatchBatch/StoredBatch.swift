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
    /// How many readings are taken in between commits of a large batch: a crash loses at
    /// most the work since the last one, which a rerun of the batch redoes.
    public var commitEvery: Int

    /// A checkpoint costs about what the batch's last commit does (every device's state
    /// written), so a daily batch (1,500 curfew units: 2.8 million readings) commits
    /// once, and only larger inputs (a replay of weeks) commit on the way.
    public static let defaultCommitEvery = 5_000_000

    public init(files: [String], store: Store, configuration: RulesConfiguration = RulesConfiguration(), now: Int64? = nil,
                commitEvery: Int = StoredBatch.defaultCommitEvery) {
        self.files = files
        self.store = store
        self.configuration = configuration
        self.now = now
        self.commitEvery = commitEvery
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
        var batch = BatchIngest(wallClock: wallClock, conflictWindowMinutes: configuration.gapHoldMinutes)
        batch.evidenceFolder = store.evidenceFolder
        batch.checkpointEvery = commitEvery
        // The first stream is read, kept and inflated while the state below is loaded.
        var first: ByteSource?
        do {
            if let name = files.first {
                first = try ByteSource(name: name)
                try batch.readAhead(first!)
            }
        } catch where error.operation == .keepEvidence {
            throw BatchFailure(.evidence, error.description, advice: "nothing was ingested: every stream must be kept before it counts. Make the evidence folder \(store.evidenceFolder) writable (or move what has its name), then run it again")
        } catch {
            throw BatchFailure(.read, error.description, advice: "nothing was ingested; check the path and try again")
        }
        var monitor: Monitor
        let state: RuleState
        do {
            // The caseload and the rule state are read side by side: both grow with the
            // caseload, and both are needed before the first reading.
            let caseload = InBackground { [store] in try store.caseload() }
            state = try store.ruleState()
            monitor = Monitor(caseload: try caseload.value(), configuration: configuration,
                              watermark: state.watermark, devices: state.devices)
        } catch {
            batch.dropReadAhead()
            throw BatchFailure(.state, "\(error)", advice: "nothing was ingested")
        }
        // Checkpoints commit what the batch has done so far: alerts, device states (late
        // readings not yet evaluated with them) and the watermark; its streams come with
        // the last commit, once each has been kept whole.
        var after = state.batches
        var counts = AlertCounts()
        var halted: BatchFailure?
        let store = store
        let checkpoint = { (monitor: inout Monitor) -> Bool in
            do {
                counts += try store.commit(BatchOutcome(
                    changes: monitor.checkpoint(), devices: monitor.takeChangedDevices(), watermark: monitor.watermark,
                    raisedAt: wallClock, after: after, isCheckpoint: true, shortAbsences: monitor.takeShortAbsences()))
                after += 1
                return true
            } catch {
                halted = BatchFailure(.commit, "\(error)", advice: "what came before the failed checkpoint was kept; run the batch again to go on")
                return false
            }
        }
        // What a batch that stops now has kept: nothing, or its checkpoints.
        func kept() -> String {
            after == state.batches ? "nothing of the batch was committed" : "what came before its last checkpoint was kept"
        }
        for (index, name) in files.enumerated() {
            do {
                let source = try index == 0 ? first! : ByteSource(name: name)
                try batch.ingest(source, into: &monitor, checkpoint: checkpoint)
            } catch where error.operation == .keepEvidence {
                throw BatchFailure(.evidence, error.description, advice: kept()
                    + ": every stream must be kept before it counts. Make the evidence folder \(store.evidenceFolder) writable (or move what has its name), then run it again")
            } catch {
                throw BatchFailure(.read, error.description, advice: "the batch stopped there; \(kept()); run it again once the file can be read")
            }
            if let halted { throw halted }
        }
        let changes = monitor.endBatch(now: now)
        do {
            counts += try store.commit(BatchOutcome(
                changes: changes, devices: monitor.takeChangedDevices(), watermark: monitor.watermark,
                raisedAt: wallClock, streams: batch.reports.map(StreamRecord.init), after: after, startedAfter: state.batches,
                shortAbsences: monitor.takeShortAbsences()))
            return Outcome(batch: batch, alerts: counts)
        } catch {
            throw BatchFailure(.commit, error.description, advice: "\(kept()); run the batch again to go on")
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
