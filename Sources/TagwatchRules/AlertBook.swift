/// The alert changes of a batch, one per episode: a later change to the same episode
/// replaces the earlier, so an absence updated every minute is one change.
struct AlertBook {
    private(set) var changes: [EpisodeKey: AlertChange] = [:]

    mutating func post(_ change: AlertChange) {
        changes[change.key] = change
    }

    mutating func takeAll() -> [AlertChange] {
        defer { changes.removeAll() }
        return changes.values.sorted { $0.key < $1.key }
    }
}
