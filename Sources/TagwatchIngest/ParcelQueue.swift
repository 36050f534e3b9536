import Foundation

/// A bounded handover of parcels from one producer thread to one consumer, with the used
/// parcels coming back for reuse: at most `depth` parcels exist, so memory stays bounded
/// whatever the stream's size.
final class ParcelQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var ready: [Parcel] = []
    private var spare: [Parcel] = []
    private var created = 0
    private var closed = false
    private let depth: Int

    init(depth: Int = 4) {
        self.depth = depth
    }

    /// An empty parcel to fill; waits while all of them are in use.
    func emptyParcel() -> Parcel {
        condition.lock()
        defer { condition.unlock() }
        while spare.isEmpty, created >= depth { condition.wait() }
        if let parcel = spare.popLast() { return parcel }
        created += 1
        return Parcel()
    }

    func send(_ parcel: Parcel) {
        condition.lock()
        ready.append(parcel)
        condition.signal()
        condition.unlock()
    }

    /// The producer has sent everything.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next parcel, or nil once the producer closed the queue and all were taken.
    func receive() -> Parcel? {
        condition.lock()
        defer { condition.unlock() }
        while ready.isEmpty, !closed { condition.wait() }
        return ready.isEmpty ? nil : ready.removeFirst()
    }

    func recycle(_ parcel: Parcel) {
        parcel.clear()
        condition.lock()
        spare.append(parcel)
        condition.signal()
        condition.unlock()
    }
}
