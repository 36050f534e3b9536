import Foundation
import TagwatchCore
import TagwatchIngest
import TagwatchStore

/// The `--format json` object of `tagwatch ingest` (alerts.md, command-line contract).
struct IngestJSONReport {
    let batch: BatchIngest
    let alerts: AlertCounts

    struct Counters: Encodable {
        var accepted, duplicates, conflicts, late, unknownKinds: Int
        var rejected: [String: Int]
        var bytesLost: Int

        init(_ counters: IngestCounters) {
            accepted = counters.accepted
            duplicates = counters.duplicates
            conflicts = counters.conflicts
            late = counters.late
            unknownKinds = counters.unknownKinds
            rejected = Dictionary(uniqueKeysWithValues: RejectReason.allCases.map { ($0.rawValue, counters.rejected($0)) })
            bytesLost = counters.bytesLost
        }
    }

    struct Stream: Encodable {
        var file: String
        var sha256: String
        var counters: Counters

        enum CodingKeys: String, CodingKey {
            case file, sha256, accepted, duplicates, conflicts, late, unknownKinds, rejected, bytesLost
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(file, forKey: .file)
            try container.encode(sha256, forKey: .sha256)
            try container.encode(counters.accepted, forKey: .accepted)
            try container.encode(counters.duplicates, forKey: .duplicates)
            try container.encode(counters.conflicts, forKey: .conflicts)
            try container.encode(counters.late, forKey: .late)
            try container.encode(counters.unknownKinds, forKey: .unknownKinds)
            try container.encode(counters.rejected, forKey: .rejected)
            try container.encode(counters.bytesLost, forKey: .bytesLost)
        }
    }

    struct Document: Encodable {
        var streams: [Stream]
        var totals: Counters
        var alertsOpened: Int
        var alertsUpdated: Int
    }

    func render() -> String {
        let document = Document(
            streams: batch.reports.map { Stream(file: $0.name, sha256: $0.sha256, counters: Counters($0.counters)) },
            totals: Counters(batch.totals), alertsOpened: alerts.opened, alertsUpdated: alerts.updated)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
