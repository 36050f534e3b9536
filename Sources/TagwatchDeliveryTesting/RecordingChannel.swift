import Synchronization
import TagwatchDelivery

/// A channel that records what it is given and answers as scripted (delivered unless
/// told), for testing a worker without a network.
public final class RecordingChannel: DeliveryChannel {
    private struct State {
        var received: [OutboxNotification] = []
        var failures: [String: Int] = [:]
        var failAll = false
    }

    private let state = Mutex(State())

    public init() {}

    /// Every notification handed over, in order, repeats included.
    public var received: [OutboxNotification] { state.withLock { $0.received } }

    /// The next `times` deliveries to `address` (a URL or an email address) fail.
    public func fail(_ address: String, times: Int) {
        state.withLock { $0.failures[address, default: 0] += times }
    }

    /// Every delivery fails from now on (or not).
    public func failEverything(_ fail: Bool) {
        state.withLock { $0.failAll = fail }
    }

    public func deliver(_ notification: OutboxNotification) async -> DeliveryOutcome {
        let address = switch notification.recipient.address {
        case .webhook(let url): url
        case .email(let address): address
        }
        return state.withLock { state in
            state.received.append(notification)
            if state.failAll { return .failed(reason: "scripted failure for \(address)") }
            if let left = state.failures[address], left > 0 {
                state.failures[address] = left - 1
                return .failed(reason: "scripted failure for \(address)")
            }
            return .delivered
        }
    }
}
