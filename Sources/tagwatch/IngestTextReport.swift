import TagwatchCore
import TagwatchIngest
import TagwatchStore

/// The human-readable report of `tagwatch ingest`: per stream what was taken in, and
/// where each problem is, then the batch's totals.
struct IngestTextReport {
    let batch: BatchIngest
    let alerts: AlertCounts

    func render() -> String {
        var text = ""
        for report in batch.reports {
            let container = report.container.map { $0.rawValue } ?? "empty"
            text += "\(report.name)\n"
            text += "  sha256 \(report.sha256)\n"
            text += "  \(report.byteCount) bytes, \(container), \(report.members) member\(report.members == 1 ? "" : "s")\n"
            text += summary(report.counters, indent: "  ")
            for problem in report.problems.prefix(StreamReport.listedProblemLimit) {
                text += "    - \(describe(problem))\n"
            }
            let unlisted = problemCount(report.counters) - min(report.problems.count, StreamReport.listedProblemLimit)
            if unlisted > 0 { text += "    … and \(unlisted) more\n" }
        }
        if batch.reports.count > 1 {
            text += "total (\(batch.reports.count) streams)\n" + summary(batch.totals, indent: "  ")
        }
        text += "alerts opened \(alerts.opened), updated \(alerts.updated)\n"
        if batch.totals.hasRejections {
            text += "Some records or bytes were rejected: the rest was ingested. The offsets above say where to look.\n"
        }
        return text
    }

    private func summary(_ counters: IngestCounters, indent: String) -> String {
        var line = "\(indent)accepted \(counters.accepted), duplicates \(counters.duplicates), conflicts \(counters.conflicts), late \(counters.late), unknown kinds \(counters.unknownKinds), bytes lost \(counters.bytesLost)\n"
        let rejected = RejectReason.allCases.filter { counters.rejected($0) > 0 }
        if !rejected.isEmpty {
            line += "\(indent)rejected \(counters.rejectedTotal): " + rejected.map { "\($0.rawValue) \(counters.rejected($0))" }.joined(separator: ", ") + "\n"
        }
        return line
    }

    private func problemCount(_ counters: IngestCounters) -> Int {
        counters.rejectedTotal + counters.conflicts + counters.damagedRanges
    }

    private func describe(_ problem: StreamProblem) -> String {
        switch problem.kind {
        case .rejected(let reason):
            "\(reason.rawValue): member \((problem.member ?? 0) + 1), byte \(problem.offset) of its decoded data (\(problem.length) bytes): \(problem.detail)"
        case .conflict:
            "conflict: member \((problem.member ?? 0) + 1), byte \(problem.offset) of its decoded data: \(problem.detail)"
        case .damaged(let kind):
            "damaged (\(kind.rawValue)) at byte \(problem.offset) of the stream, \(problem.length) bytes lost: \(problem.detail)"
        }
    }
}
