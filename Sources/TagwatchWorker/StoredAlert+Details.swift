import TagwatchCaseload
import TagwatchRules
import TagwatchStore

/// An alert's figures read back whatever form they took. The rules write `.time` and
/// `.number`, but the store keeps details as JSON and reads them with
/// ``AlertDetail``'s decoder, which turns a time into its RFC 3339 text and a whole
/// number (a duration of 4.0 h) into an integer; both forms are read here.
extension StoredAlert {
    func detailInteger(_ key: String) -> Int64? {
        switch details[key] {
        case .integer(let value): value
        case .number(let value) where value.rounded() == value && abs(value) < 1e15: Int64(value)
        default: nil
        }
    }

    func detailNumber(_ key: String) -> Double? {
        switch details[key] {
        case .integer(let value): Double(value)
        case .number(let value): value
        default: nil
        }
    }

    func detailTime(_ key: String) -> Int64? {
        switch details[key] {
        case .time(let value): value
        case .text(let value): Instant.milliseconds(rfc3339: value)
        default: nil
        }
    }

    func detailText(_ key: String) -> String? {
        if case .text(let value) = details[key] { value } else { nil }
    }
}

extension StoredAlert {
    /// The device as prose names it; alerts the worker raises have none.
    var deviceName: String { device ?? "no device" }
}
