/// Why one delivery did not happen, carried to ``DeliveryOutcome/failed(reason:)``.
struct DeliveryFailure: Error {
    var reason: String

    init(_ reason: String) {
        self.reason = reason
    }
}
