import TagwatchCompression

/// Everything a ``ContainerDecoder`` reports, with the decompressed bytes copied out, for
/// tests that look below the record decoders.
struct ContainerTrace {
    enum Event: Equatable {
        case started(Member)
        /// Decompressed bytes; consecutive `data` events are joined.
        case data([UInt8])
        case ended(Member)
        case damaged(ContainerDamage)
    }

    var events: [Event] = []
    var format: ContainerFormat?

    /// Feeds `bytes` to a new decoder in chunks of `chunkSize` (all at once when nil).
    init(_ bytes: [UInt8], chunkSize: Int? = nil) {
        let decoder = ContainerDecoder()
        var events: [Event] = []
        func handle(_ event: ContainerEvent) {
            switch event {
            case .memberStarted(let member):
                events.append(.started(member))
            case .data(let data):
                if case .data(let before) = events.last {
                    events[events.count - 1] = .data(before + Array(data))
                } else {
                    events.append(.data(Array(data)))
                }
            case .memberEnded(let member):
                events.append(.ended(member))
            case .damaged(let damage):
                events.append(.damaged(damage))
            }
        }
        let step = max(chunkSize ?? bytes.count, 1)
        bytes.withUnsafeBytes { all in
            var start = 0
            while start < all.count {
                let end = min(all.count, start + step)
                decoder.feed(UnsafeRawBufferPointer(rebasing: all[start..<end]), handle)
                start = end
            }
        }
        decoder.finish(handle)
        self.events = events
        format = decoder.format
    }

    var members: [Member] {
        events.compactMap { if case .started(let member) = $0 { member } else { nil } }
    }

    var damages: [ContainerDamage] {
        events.compactMap { if case .damaged(let damage) = $0 { damage } else { nil } }
    }

    /// The decompressed bytes of each member, in order.
    var memberData: [[UInt8]] {
        var result: [[UInt8]] = []
        for event in events {
            switch event {
            case .started: result.append([])
            case .data(let data):
                // Data outside a member would be a decoder bug; keep it visible.
                if result.isEmpty { result.append([]) }
                result[result.count - 1] += data
            default: break
            }
        }
        return result
    }
}
