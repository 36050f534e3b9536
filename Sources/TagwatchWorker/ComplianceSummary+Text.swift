/// The summary in sentences, for the transition prompt: the figures a conversation can
/// start from, described, never judged.
extension ComplianceSummary {
    func paragraphs(_ clock: PromptClock) -> [String] {
        var result = ["Figures up to \(clock.full(asOf)); days are calendar days in \(timeZone), from the"
            + " day the order started."]
        if let percentWithoutEpisode {
            result.append("Over \(Figure.count(daysMonitored, "day")) monitored, \(Figure.count(daysWithoutEpisode, "day"))"
                + " (\(Figure.fixed(percentWithoutEpisode, places: 1)) %) had no confirmed alcohol or tamper episode.")
        } else {
            result.append("No whole day of monitoring has passed yet.")
        }
        if let curfew {
            result.append("Curfew: \(Figure.hours(minutes: curfew.keptMinutes)) kept of"
                + " \(Figure.hours(minutes: curfew.scheduledMinutes)) scheduled (authorised absences left out);"
                + " \(Figure.hours(minutes: curfew.absentMinutes)) out of range in curfew absence alerts,"
                + " \(Figure.hours(minutes: curfew.shortAbsentMinutes)) in \(Figure.count(curfew.shortAbsences, "short absence"))"
                + " within the grace (no alert), and"
                + " \(Figure.hours(minutes: curfew.unverifiedMinutes)) unverified, when the tag was not heard.")
        }
        guard let latestEpisode else {
            result.append("No alert was raised from the order's readings.")
            return result
        }
        result.append("Alerts from its readings, by type: "
            + episodesByType.keys.sorted().map { "\($0) \(episodesByType[$0]!)" }.joined(separator: ", ") + ".")
        result.append("The latest began at \(clock.full(latestEpisode.start)): \(latestEpisode.type),"
            + " \(latestEpisode.severity), alert \(latestEpisode.id).")
        result.append(openAlerts.isEmpty
            ? "All of them are resolved."
            : "\(Figure.count(openAlerts.count, "alert")) not yet resolved: \(openAlerts.map(String.init).joined(separator: ", ")).")
        return result
    }
}
