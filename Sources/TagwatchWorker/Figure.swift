/// Figures as a prompt shows them. Rounding is half away from zero on the decimal value:
/// details hold at most 4 decimals (the rules round them so), and a peak of 0.1065
/// shows as 0.107, where formatting its binary neighbour 0.10649… would give 0.106.
enum Figure {
    /// `value` with `places` decimals (0 to 6).
    static func fixed(_ value: Double, places: Int) -> String {
        // Beyond what a detail can hold, shown as it is rather than trapped on.
        guard value.isFinite, abs(value) < 1e12 else { return String(value) }
        // Snapped to millionths first, so the rounding is decided in integers.
        let millionths = Int64((value * 1_000_000).rounded())
        let unit = power(6 - places)
        let magnitude = (abs(millionths) + unit / 2) / unit
        let sign = millionths < 0 && magnitude > 0 ? "-" : ""
        guard places > 0 else { return sign + String(magnitude) }
        let fraction = String(magnitude % power(places))
        return sign + String(magnitude / power(places)) + "." + String(repeating: "0", count: places - fraction.count) + fraction
    }

    /// Whole minutes as hours to one decimal: `90` is `1.5 h`.
    static func hours(minutes: Int64) -> String {
        fixed(Double(minutes) / 60, places: 1) + " h"
    }

    /// `1 reading`, `3 readings`.
    static func count(_ value: some BinaryInteger, _ singular: String, _ plural: String? = nil) -> String {
        "\(value) \(value == 1 ? singular : plural ?? singular + "s")"
    }

    private static func power(_ exponent: Int) -> Int64 {
        (0..<exponent).reduce(Int64(1)) { value, _ in value * 10 }
    }
}
