/// What the rules made of a reading the batch's ledger accepted (streams.md §3).
public enum Admission: Sendable, Equatable {
    /// New: evaluated in `seq` order (at once, or once the gap before it fills or is
    /// declared lost).
    case accepted
    /// Its gap was already declared lost: accepted, counted as late, and evaluated as a
    /// segment of its own at the end of the batch.
    case late
    /// Its (`dev`, `seq`) was accepted in an earlier batch.
    case duplicate
}
