import Foundation
import TagwatchCaseload
import TagwatchCore
@testable import TagwatchIngest
import TagwatchRules
import TagwatchSamples
import Testing

/// The rules run on a thread of their own beside decoding (``SinkThread``): what they make
/// of a batch, what its reports say and when checkpoints come must be what they are
/// inline, only sooner.
@Suite struct SinkThreadTests {
    let folder: TemporaryFolder
    let set: SampleSet
    /// Each day's gateway file: 30 curfew units and 4 sobriety tags with every injected
    /// violation, about 50,000 readings: several chunks for the thread.
    let days: [String]

    init() throws {
        let folder = try TemporaryFolder()
        self.folder = folder
        var configuration = SampleConfiguration()
        configuration.curfewSubjects = 30
        configuration.sobrietySubjects = 4
        configuration.days = 2
        configuration.seed = 11
        set = SampleSet(configuration)
        var members = [[UInt8]](repeating: [], count: configuration.days)
        set.generate { day, member in members[day] += member }
        days = try members.enumerated().map { day, bytes in try folder.write(bytes, named: "day-\(day + 1).gz") }
    }

    /// The monitor, counting the readings it is given and noting the threads it runs on.
    struct Counting: ReadingSink {
        var monitor: Monitor
        var taken = 0
        var threads: Set<pthread_t> = []

        mutating func take(_ reading: Reading) -> SinkVerdict {
            taken += 1
            threads.insert(pthread_self())
            return monitor.take(reading)
        }
    }

    /// What a run of the days (a batch each) came to.
    struct Run: Equatable {
        var counters: [IngestCounters] = []
        var devices: [[DeviceSpan]] = []
        var problems: [[StreamProblem]] = []
        var changes: [[AlertChange]] = []
        /// Readings given to the sink when each checkpoint came, counted over the run.
        var checkpoints: [Int] = []
        var threads: Set<pthread_t> = []
    }

    /// The days through the rules, inline or `apart`, with checkpoints that answer true.
    func run(apart: Bool, checkpointEvery: Int? = nil) throws -> Run {
        var sink = Counting(monitor: Monitor(caseload: try CaseloadReader.read(CaseloadDocument.json(for: set)).get()))
        var run = Run()
        for path in days {
            var batch = BatchIngest(wallClock: set.midnight(ofDay: days.count) + 3_600_000)
            batch.checkpointEvery = checkpointEvery
            // Each checkpoint takes the changes so far, as a commit would.
            var changes: [AlertChange] = []
            let report = try batch.read(ByteSource(name: path), into: &sink, apart: apart) { sink in
                run.checkpoints.append(sink.taken)
                changes += sink.monitor.checkpoint()
                return true
            }
            run.counters.append(report.counters)
            run.devices.append(report.devices)
            run.problems.append(report.problems)
            // Each episode as the batch left it: its last change.
            let last = Dictionary((changes + sink.monitor.endBatch()).map { ($0.key, $0) }, uniquingKeysWith: { _, later in later })
            run.changes.append(last.values.sorted { $0.key < $1.key })
        }
        run.threads = sink.threads
        return run
    }

    @Test func theRulesOnAThreadOfTheirOwnMakeWhatTheyMakeInline() throws {
        var inline = try run(apart: false)
        var apart = try run(apart: true)
        #expect(inline.counters.allSatisfy { $0.accepted > 3 * SinkThread<Counting>.chunkSize })
        #expect(inline.changes.joined().count >= 10)
        #expect(inline.threads == [pthread_self()])
        // A thread per stream (the second may reuse the first's identity).
        #expect(!apart.threads.isEmpty && !apart.threads.contains(pthread_self()))
        inline.threads = []
        apart.threads = []
        #expect(apart == inline)
    }

    @Test func aStreamOfLessThanAChunkStaysOnTheCallersThread() throws {
        var configuration = SampleConfiguration()
        configuration.curfewSubjects = 1
        configuration.sobrietySubjects = 0
        configuration.days = 1
        var member: [UInt8] = []
        SampleSet(configuration).generate { _, bytes in member += bytes }
        var sink = Counting(monitor: Monitor(caseload: try CaseloadReader.read(CaseloadDocument.json(for: set)).get()))
        var batch = BatchIngest(wallClock: set.midnight(ofDay: 2))
        let report = try batch.read(ByteSource(name: folder.write(member, named: "small.gz")), into: &sink, apart: true)
        #expect(report.counters.accepted > 100 && report.counters.accepted < SinkThread<Counting>.chunkSize)
        #expect(sink.taken == report.counters.accepted)
        #expect(sink.threads == [pthread_self()])
    }

    @Test(arguments: [false, true])
    func checkpointsComeEveryThatManyReadingsTakenIn(apart: Bool) throws {
        let every = 4_000
        let checked = try run(apart: apart, checkpointEvery: every)
        let total = checked.counters.reduce(0) { $0 + $1.accepted }
        #expect(checked.checkpoints.count >= 3)
        for (earlier, later) in zip([0] + checked.checkpoints, checked.checkpoints) {
            #expect(later - earlier >= every, "\(checked.checkpoints)")
        }
        #expect(checked.checkpoints.last! <= total)
        #expect(checked.changes == (try run(apart: apart)).changes, "checkpoints on the way end in the alerts of none")
    }

    @Test(arguments: [false, true])
    func aCheckpointThatAnswersFalseStopsTheSinkThereAndTheStreamIsStillReadWhole(apart: Bool) throws {
        var sink = Counting(monitor: Monitor(caseload: try CaseloadReader.read(CaseloadDocument.json(for: set)).get()))
        var batch = BatchIngest(wallClock: set.midnight(ofDay: 2))
        batch.checkpointEvery = 4_000
        var checkpoints: [Int] = []
        let report = try batch.read(ByteSource(name: days[0]), into: &sink, apart: apart) { sink in
            checkpoints.append(sink.taken)
            return false
        }
        #expect(checkpoints.count == 1)
        #expect(sink.taken == checkpoints[0], "nothing taken after the checkpoint that said stop")
        #expect(report.counters.accepted == sink.taken)
        let size = try FileManager.default.attributesOfItem(atPath: days[0])[.size] as? Int
        #expect(report.byteCount == size)
    }
}
