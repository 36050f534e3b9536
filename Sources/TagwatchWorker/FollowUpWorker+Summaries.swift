import Foundation
import TagwatchCaseload
import TagwatchStore

extension FollowUpWorker {
    /// From the policy's hour (UTC) each day, owes every officer the day's summary of
    /// their open alerts (alerts.md, "Daily summary"); a worker that was down owes only
    /// today's, not the days it missed: a summary is of alerts as they are now.
    func oweSummaries(_ caseload: Caseload, now: Int64) throws(StoreError) -> Int {
        let day = Instant.rfc3339(now).prefix(10)
        let dayStart = now - now % 86_400_000
        guard now >= dayStart + Int64(policy.summaryHour) * 3_600_000 else { return 0 }
        return try store.oweSummaries(officers: caseload.officers.map(\.id), day: String(day), at: now)
    }
}
