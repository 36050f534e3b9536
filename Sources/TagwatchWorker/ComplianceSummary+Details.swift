import TagwatchRules

extension ComplianceSummary {
    /// The summary's figures as a transition alert's details (flat, as every alert's
    /// are); the webhook body carries the summary whole beside the alert.
    var details: [String: AlertDetail] {
        var details: [String: AlertDetail] = [
            "daysMonitored": .integer(Int64(daysMonitored)),
            "daysWithoutEpisode": .integer(Int64(daysWithoutEpisode)),
            "openAlerts": .integer(Int64(openAlerts.count)),
            "episodes": .text(episodesByType.keys.sorted().map { "\($0) \(episodesByType[$0]!)" }.joined(separator: ", ")),
        ]
        if let percentWithoutEpisode { details["percentWithoutEpisode"] = .number(percentWithoutEpisode) }
        if let curfew {
            details["curfewMinutesScheduled"] = .integer(curfew.scheduledMinutes)
            details["curfewMinutesKept"] = .integer(curfew.keptMinutes)
            details["curfewMinutesAbsent"] = .integer(curfew.absentMinutes)
            details["curfewMinutesUnverified"] = .integer(curfew.unverifiedMinutes)
            details["shortAbsences"] = .integer(Int64(curfew.shortAbsences))
            details["curfewMinutesShortAbsent"] = .integer(curfew.shortAbsentMinutes)
        }
        if let latestEpisode {
            details["latestEpisode"] = .text("alert \(latestEpisode.id), \(latestEpisode.type), \(latestEpisode.severity)")
            details["latestEpisodeStart"] = .time(latestEpisode.start)
        }
        return details
    }
}
