import TagwatchCompression

/// What a container produced, moved between threads in parcels: events with their
/// decompressed bytes copied into the parcel's own buffer, so one handover carries many
/// small members' events at once.
final class Parcel: @unchecked Sendable {
    enum Event: Sendable {
        case memberStarted(Member)
        /// Decompressed bytes: a range of `bytes`.
        case data(Range<Int>)
        case memberEnded(Member)
        case damaged(ContainerDamage)
    }

    /// Bytes a parcel holds before it is handed over.
    static let capacity = 512 * 1024
    /// Events a parcel holds before it is handed over, so a stream of many tiny or broken
    /// members cannot pile up events in one parcel.
    static let eventCapacity = 4096

    var events: [Event] = []
    var bytes: [UInt8] = []

    init() {
        bytes.reserveCapacity(Self.capacity)
    }

    /// Whether one more event with `count` bytes still fits.
    func fits(_ count: Int) -> Bool {
        bytes.count + count <= Self.capacity && events.count < Self.eventCapacity
    }

    func add(_ event: ContainerEvent) {
        switch event {
        case .memberStarted(let member):
            events.append(.memberStarted(member))
        case .data(let data):
            let start = bytes.count
            bytes.append(contentsOf: data)
            events.append(.data(start..<bytes.count))
        case .memberEnded(let member):
            events.append(.memberEnded(member))
        case .damaged(let damage):
            events.append(.damaged(damage))
        }
    }

    func clear() {
        events.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
    }

    var isEmpty: Bool { events.isEmpty }
}
