import Foundation
import TagwatchIngest
import TagwatchRules
import TagwatchStore

/// One batch: checks every input first, so a missing file stops the batch before
/// anything is read; then reads them one at a time (a batch may hold more files than a
/// process may keep open) through the rules, keeping each in the evidence folder, and
/// commits the streams, alerts, the devices' states and the watermark together.
struct IngestRun {
    var files: [String]
    var store: Store
    var configuration: RulesConfiguration
    var now: Int64?

    struct Outcome {
        var batch: BatchIngest
        var alerts: AlertCounts
    }

    func run() throws -> Outcome {
        do {
            for name in files { try ByteSource.check(name: name) }
        } catch {
            throw CleanExit.message("error: \(error.description). Nothing was ingested; check the path and try again.", code: 1)
        }
        let wallClock = Int64(Date().timeIntervalSince1970 * 1000)
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
            throw CleanExit.message("error: \(error). Nothing was ingested.", code: 1)
        }
        var batch = BatchIngest(wallClock: wallClock, conflictWindowMinutes: configuration.gapHoldMinutes)
        batch.evidenceFolder = store.evidenceFolder
        for name in files {
            do {
                try batch.ingest(ByteSource(name: name), into: &monitor)
            } catch where error.operation == .keepEvidence {
                throw CleanExit.message("error: \(error.description). Nothing of the batch was committed: every stream must be kept before it counts. Make the evidence folder \(store.evidenceFolder) writable (or move what has its name), then run it again.", code: 1)
            } catch {
                throw CleanExit.message("error: \(error.description). The batch stopped there and nothing of it was committed; run it again once the file can be read.", code: 1)
            }
        }
        let changes = monitor.endBatch(now: now)
        do {
            let alerts = try store.commit(BatchOutcome(
                changes: changes, devices: monitor.takeChangedDevices(), watermark: monitor.watermark,
                raisedAt: wallClock, streams: batch.reports.map(StreamRecord.init), after: state.batches))
            return Outcome(batch: batch, alerts: alerts)
        } catch {
            throw CleanExit.message("error: \(error.description). Nothing of this batch was committed.", code: 1)
        }
    }
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

    func value() throws -> Value {
        done.wait()
        return try result!.get()
    }
}
