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

    /// Exact powers of ten a `Float` holds.
    private static let floatPowersOfTen: [Float] = (0...10).map { exponent in
        (0..<exponent).reduce(Float(1)) { value, _ in value * 10 }
    }

    /// The nearest `Double` to `text`. Most tag values (a few significant digits, a
    /// small exponent) take Clinger's exact fast path; the rest go through the standard
    /// library's correctly rounded conversion.
    static func double(_ text: UnsafeRawBufferPointer) -> Double {
        if let decimal = SimpleDecimal(text), decimal.digits <= 15, decimal.mantissa < (1 << 53), decimal.exponent >= -22 {
            let value = decimal.exponent == 0 ? Double(decimal.mantissa) : Double(decimal.mantissa) / powersOfTen[-decimal.exponent]
            return decimal.negative ? -value : value
        }
        return Double(String(decoding: text, as: UTF8.self)) ?? .nan
    }

    /// The nearest `Float` to `text`, rounded once: the nearest `Double` rounded again to
    /// a `Float` is not always the nearest `Float` (`7.038531e-26`, the shortest form of
    /// a float, would read back as its neighbour). Clinger's fast path with the powers of
    /// ten a `Float` holds, else the standard library's correctly rounded conversion.
    static func float(_ text: UnsafeRawBufferPointer) -> Float {
        if let decimal = SimpleDecimal(text), decimal.digits <= 7, decimal.mantissa < (1 << 24), decimal.exponent >= -10 {
            let value = decimal.exponent == 0 ? Float(decimal.mantissa) : Float(decimal.mantissa) / floatPowersOfTen[-decimal.exponent]
            return decimal.negative ? -value : value
        }
        return Float(String(decoding: text, as: UTF8.self)) ?? .nan
    }
}

/// A number's text without an exponent part, read as a sign, its digits as an integer,
/// and the power of ten that integer is scaled by.
private struct SimpleDecimal {
    var negative: Bool
    /// The digits, before and after the point; wraps around when there are more than 19
    /// (`digits` tells).
    var mantissa: UInt64 = 0
    /// Significant digits in `mantissa`, leading zeros not counted.
    var digits = 0
    /// `mantissa` is scaled by 10 to this power (0 or less).
    var exponent = 0

    /// Nil when `text` has an exponent part.
    init?(_ text: UnsafeRawBufferPointer) {
        var index = 0
        negative = text[0] == UInt8(ascii: "-")
        if negative { index = 1 }
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
        // An exponent: the rare case goes to the slow, exact path.
        if index < text.count { return nil }
    }
}
