import Foundation
import PropertyBased
import TagwatchCaseload
import TagwatchCore
import TagwatchRules
import TagwatchSamples
@testable import TagwatchStore
import Testing

/// Devices' rule states survive the compact form unchanged, as they do JSON; damaged
/// bytes are refused, never read as something else or trapped on.
@Suite struct CompactStateTests {
    /// Every device's state after two generated days with every kind of violation
    /// injected (held readings, open episodes, drinking curves, tamper baselines), the
    /// first day ending mid-episode.
    static let states: [(serial: DeviceSerial, state: DeviceState)] = {
        var configuration = SampleConfiguration()
        configuration.days = 2
        let set = SampleSet(configuration)
        let caseload = try! CaseloadReader.read(CaseloadDocument.json(for: set)).get()
        var monitor = Monitor(caseload: caseload)
        var states: [(serial: DeviceSerial, state: DeviceState)] = []
        var day = 0
        set.forEachUpload { upload, _, readings in
            if upload != day {
                _ = monitor.endBatch()
                states += monitor.takeChangedDevices()
                day = upload
            }
            for reading in readings { _ = monitor.admit(reading) }
        }
        // A checkpoint mid-batch, so late readings pending and held readings are in too.
        _ = monitor.checkpoint()
        states += monitor.takeChangedDevices()
        return states
    }()

    @Test func everyStateOfTwoGeneratedDaysRoundTrips() throws {
        #expect(Self.states.count > 60)
        for (serial, state) in Self.states {
            let bytes = try CompactEncoder.encode(state)
            #expect(try CompactDecoder.decode(DeviceState.self, from: bytes) == state, "\(serial)")
            #expect(try Store.deviceState(from: Data(bytes)) == state, "\(serial)")
            // And a state stored as JSON before the compact form still reads.
            #expect(try Store.deviceState(from: JSONEncoder().encode(state)) == state, "\(serial)")
            #expect(bytes.count < (try JSONEncoder().encode(state)).count)
        }
    }

    @Test func everyTruncationIsRefused() throws {
        for (_, state) in Self.states.prefix(20) {
            let bytes = try CompactEncoder.encode(state)
            for length in 0..<bytes.count {
                #expect(throws: (any Error).self) { try CompactDecoder.decode(DeviceState.self, from: Array(bytes[..<length])) }
            }
            #expect(throws: (any Error).self) { try CompactDecoder.decode(DeviceState.self, from: bytes + [0]) }
        }
    }

    @Test func randomBytesNeverTrap() async {
        await propertyCheck(count: 2000, input: Gen.uint8().array(of: 0...200)) { bytes in
            _ = try? CompactDecoder.decode(DeviceState.self, from: [CompactEncoder.version] + bytes)
        }
    }
}
