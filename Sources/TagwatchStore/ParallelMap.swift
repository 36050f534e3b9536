import Foundation

/// Maps an array on every core, in order. Decoding and encoding the devices' rule states
/// is the part of a batch's fixed cost that grows with the caseload (thousands of small
/// JSON documents), and each is independent of the others.
enum ParallelMap {
    /// Items per piece of work below which one thread does it all.
    static let minimumChunk = 128

    static func map<Item: Sendable, Value: Sendable>(_ items: [Item], _ transform: @Sendable (Item) throws -> Value) throws -> [Value] {
        let chunks = max(1, min(ProcessInfo.processInfo.activeProcessorCount, items.count / minimumChunk))
        guard chunks > 1 else { return try items.map(transform) }
        let results = Results<Value>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = (items.count * chunk / chunks)..<(items.count * (chunk + 1) / chunks)
            for index in range { results.set(index, Result { try transform(items[index]) }) }
        }
        return try results.values.map { try $0!.get() }
    }

    /// One slot per item, each written by exactly one thread, read after all finished.
    private final class Results<Value>: @unchecked Sendable {
        private(set) var values: [Result<Value, any Error>?]

        init(count: Int) {
            values = Array(repeating: nil, count: count)
        }

        func set(_ index: Int, _ value: Result<Value, any Error>) {
            values.withUnsafeMutableBufferPointer { $0[index] = value }
        }
    }
}
