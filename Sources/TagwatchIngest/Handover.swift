import Foundation

/// A bounded handover of items (parcels of decompressed bytes, chunks of readings) from
/// one producer thread to one consumer, with the used items coming back for reuse: at
/// most `depth` items exist, so memory stays bounded whatever the stream's size, and a
/// producer that runs ahead waits for its consumer.
final class Handover<Item>: @unchecked Sendable {
    private let condition = NSCondition()
    private var ready: [Item] = []
    private var spare: [Item] = []
    private var created = 0
    private var closed = false
    private let depth: Int
    private let make: () -> Item

    /// A handover of at most `depth` items, each made by `make` when first needed.
    init(depth: Int, make: @escaping () -> Item) {
        self.depth = depth
        self.make = make
    }

    /// An empty item to fill; waits while all of them are in use.
    func empty() -> Item {
        condition.lock()
        defer { condition.unlock() }
        while spare.isEmpty, created >= depth { condition.wait() }
        if let item = spare.popLast() { return item }
        created += 1
        return make()
    }

    func send(_ item: Item) {
        condition.lock()
        ready.append(item)
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

    /// The next item, or nil once the producer closed the handover and all were taken.
    func receive() -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while ready.isEmpty, !closed { condition.wait() }
        return ready.isEmpty ? nil : ready.removeFirst()
    }

    /// Gives back an item, emptied, for the producer to fill again.
    func recycle(_ item: Item) {
        condition.lock()
        spare.append(item)
        condition.signal()
        condition.unlock()
    }
}
