/// The alert changes of a batch, one per episode: a later change to the same episode
/// replaces the earlier, so an absence updated every minute is one change. Beside them,
/// the short absences the batch settled, which raise no alert.
struct AlertBook {
    private(set) var changes: [EpisodeKey: AlertChange] = [:]
    private(set) var shortAbsences: [ShortAbsence] = []

    mutating func post(_ change: AlertChange) {
        changes[change.key] = change
    }

    mutating func note(_ absence: ShortAbsence) {
        shortAbsences.append(absence)
    }

    mutating func takeShortAbsences() -> [ShortAbsence] {
        defer { shortAbsences.removeAll() }
        return shortAbsences
    }

    mutating func takeAll() -> [AlertChange] {
        defer { changes.removeAll() }
        return changes.values.sorted { $0.key < $1.key }
    }
}
