import TagwatchCore
import TagwatchIngest
import TagwatchStore

extension StreamRecord {
    /// What the store keeps of a stream's ingest.
    init(_ report: StreamReport) {
        var counters = [
            "accepted": report.counters.accepted, "duplicates": report.counters.duplicates,
            "conflicts": report.counters.conflicts, "late": report.counters.late,
            "unknownKinds": report.counters.unknownKinds, "bytesLost": report.counters.bytesLost,
        ]
        for reason in RejectReason.allCases where report.counters.rejected(reason) > 0 {
            counters["rejected.\(reason.rawValue)"] = report.counters.rejected(reason)
        }
        self.init(
            sha256: report.sha256, name: report.name, byteCount: report.byteCount,
            container: report.container?.rawValue ?? "empty", members: report.members, counters: counters,
            devices: report.devices.map {
                Device(serial: $0.serial.description, firstSeq: Int64($0.firstSeq), lastSeq: Int64($0.lastSeq),
                       firstTime: $0.firstTime, lastTime: $0.lastTime, readings: $0.readings,
                       accepted: $0.accepted.map { Int64($0.lowerBound)...Int64($0.upperBound) })
            },
            quarantine: report.problems.map { problem in
                let kind = switch problem.kind {
                case .rejected(let reason): "rejected.\(reason.rawValue)"
                case .conflict: "conflict"
                case .damaged(let damage): "damaged.\(damage.rawValue)"
                }
                return Quarantined(member: problem.member, offset: problem.offset, length: problem.length, kind: kind, detail: problem.detail)
            })
    }
}
