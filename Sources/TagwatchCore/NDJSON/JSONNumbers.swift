/// Conversion of JSON number text (already validated by the parser) to the contract's
/// integer and floating-point fields.
enum JSONNumbers {
    /// The integer value of `text`, which must have no fraction or exponent; nil when it
    /// does not fit in an `Int64`.
    static func integer(_ text: UnsafeRawBufferPointer) -> Int64? {
        var index = 0
        let negative = text[0] == UInt8(ascii: "-")
        if negative { index = 1 }
        var magnitude: UInt64 = 0
        while index < text.count {
            let digit = UInt64(text[index] &- UInt8(ascii: "0"))
            let (times10, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(digit)
            if overflow1 || overflow2 { return nil }
            magnitude = sum
            index += 1
        }
        if negative {
            return magnitude <= UInt64(Int64.max) + 1 ? Int64(truncatingIfNeeded: 0 &- magnitude) : nil
        }
        return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
    }

    /// Exact powers of ten a `Double` holds.
    private static let powersOfTen: [Double] = (0...22).map { exponent in
        (0..<exponent).reduce(1.0) { value, _ in value * 10 }
    }

    /// The nearest `Double` to `text`. Most tag values (a few significant digits, a
    /// small exponent) take Clinger's exact fast path; the rest go through the standard
    /// library's correctly rounded conversion.
    static func double(_ text: UnsafeRawBufferPointer) -> Double {
        var index = 0
        let negative = text[0] == UInt8(ascii: "-")
        if negative { index = 1 }
        var mantissa: UInt64 = 0
        var digits = 0
        var exponent = 0
        var exact = true
        func digit(_ byte: UInt8) -> UInt64? {
            byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? UInt64(byte - UInt8(ascii: "0")) : nil
        }
        while index < text.count, let value = digit(text[index]) {
            if mantissa != 0 || value != 0 { digits += 1 }
            mantissa = mantissa &* 10 &+ value
            index += 1
        }
        if index < text.count, text[index] == UInt8(ascii: ".") {
            index += 1
            while index < text.count, let value = digit(text[index]) {
                if mantissa != 0 || value != 0 { digits += 1 }
                mantissa = mantissa &* 10 &+ value
                exponent -= 1
                index += 1
            }
        }
        if index < text.count {
            // An exponent: hand the rare case to the slow, exact path.
            exact = false
        }
        if exact, digits <= 15, mantissa < (1 << 53), exponent >= -22 {
            let value = exponent == 0 ? Double(mantissa) : Double(mantissa) / powersOfTen[-exponent]
            return negative ? -value : value
        }
        return Double(String(decoding: text, as: UTF8.self)) ?? .nan
    }
}
