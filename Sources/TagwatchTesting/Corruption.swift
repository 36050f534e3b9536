/// Ways to damage bytes, for hostile-input tests.
public enum Corruption {
    /// `bytes` with the byte at `index` inverted.
    public static func flipping(_ bytes: [UInt8], at index: Int) -> [UInt8] {
        var copy = bytes
        copy[index] ^= 0xFF
        return copy
    }

    /// The first `count` bytes of `bytes`.
    public static func truncating(_ bytes: [UInt8], to count: Int) -> [UInt8] {
        Array(bytes.prefix(count))
    }

    /// `bytes` with `garbage` inserted at `index`.
    public static func inserting(_ garbage: [UInt8], into bytes: [UInt8], at index: Int) -> [UInt8] {
        var copy = bytes
        copy.insert(contentsOf: garbage, at: index)
        return copy
    }

    /// `count` random bytes from `generator`.
    public static func randomBytes(_ count: Int, using generator: inout some RandomNumberGenerator) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }
}
