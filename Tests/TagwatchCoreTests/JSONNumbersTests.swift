import PropertyBased
@testable import TagwatchCore
import Testing

/// Number text to the contract's integers and floats: every value must be the one the
/// standard library's correctly rounded conversions give (the oracle here), so that what
/// `NDJSONEncoder` writes reads back bit for bit.
@Suite struct JSONNumbersTests {
    static func float(_ text: String) -> Float { utf8(text).withUnsafeBytes { JSONNumbers.float($0) } }
    static func double(_ text: String) -> Double { utf8(text).withUnsafeBytes { JSONNumbers.double($0) } }
    static func integer(_ text: String) -> Int64? { utf8(text).withUnsafeBytes { JSONNumbers.integer($0) } }

    @Test func integersUpToTheEndsOfI64() {
        #expect(Self.integer("0") == 0)
        #expect(Self.integer("-0") == 0)
        #expect(Self.integer("9223372036854775807") == .max)
        #expect(Self.integer("-9223372036854775808") == .min)
        #expect(Self.integer("9223372036854775808") == nil)
        #expect(Self.integer("-9223372036854775809") == nil)
        #expect(Self.integer("18446744073709551616") == nil)
        #expect(Self.integer("99999999999999999999999999") == nil)
    }

    /// The shortest form of this float read through the nearest double lands on its
    /// neighbour: rounding twice is not rounding once.
    @Test func aFloatIsRoundedOnceNotThroughADouble() {
        let value = Float(bitPattern: 363_742_205)
        #expect(value.description == "7.038531e-26")
        #expect(Float(Double("7.038531e-26")!) != value, "the trap this guards against")
        #expect(Self.float("7.038531e-26").bitPattern == value.bitPattern)
        #expect(Self.float(value.description).bitPattern == Float(value.description)!.bitPattern)
    }

    @Test func floatsOutsideTheFastPathAgreeWithTheStandardLibrary() {
        for text in ["1e-46", "1.4e-45", "3.4028235e38", "3.4028236e38", "1e39", "-0", "-0.0", "0.000000001",
                     "16777217", "16777216.5", "0.1000000000000000055511151231257827", "123456789012345678901234567890",
                     "1.00000017881393432617187499", "1.000000178813934326171875", "-7.038531e-26"] {
            #expect(Self.float(text).bitPattern == Float(text)!.bitPattern, "\(text)")
            #expect(Self.double(text).bitPattern == Double(text)!.bitPattern, "\(text)")
        }
    }

    /// Any finite float or double, written as Swift writes it, reads back exactly.
    @Test func shortestFormsReadBackExactly() async {
        let floats = Generator(run: { rng in ReadingGen.float(using: &rng) })
        let doubles = Generator(run: { rng in ReadingGen.double(using: &rng) })
        await propertyCheck(count: 20_000, input: floats, doubles) { float, double in
            #expect(Self.float(float.description).bitPattern == float.bitPattern, "\(float)")
            #expect(Self.double(double.description).bitPattern == double.bitPattern, "\(double)")
        }
    }

    /// Random number text in every JSON form (sign, leading zero, fraction, exponent,
    /// many digits) converts as the standard library converts it.
    @Test func anyNumberTextAgreesWithTheStandardLibrary() async {
        let texts = Generator(run: { rng -> String in
            func digits(_ range: ClosedRange<Int>) -> String {
                String((0..<Int.random(in: range, using: &rng)).map { _ in "0123456789".randomElement(using: &rng)! })
            }
            var text = Bool.random(using: &rng) ? "-" : ""
            let whole = digits(1...12)
            text += whole.count > 1 && whole.first == "0" ? "0" : whole
            if Bool.random(using: &rng) { text += "." + digits(1...25) }
            if Int.random(in: 0..<3, using: &rng) == 0 {
                text += ["e", "E", "e+", "e-", "E-"].randomElement(using: &rng)! + String(Int.random(in: 0...60, using: &rng))
            }
            return text
        })
        await propertyCheck(count: 20_000, input: texts) { text in
            #expect(Self.float(text).bitPattern == Float(text)!.bitPattern, "\(text)")
            #expect(Self.double(text).bitPattern == Double(text)!.bitPattern, "\(text)")
        }
    }
}
