#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decodes the NDJSON encoding (streams.md §2.2) incrementally: bytes in, readings and
/// rejections out, one JSON object per line. No I/O.
///
/// ``decode(_:isFinal:into:)`` returns how many bytes it consumed; the caller keeps the
/// rest (at most one line, 64 KiB) and passes it again, followed by more bytes. A line
/// longer than 64 KiB is rejected as `length` while it streams past, never buffered whole.
public struct NDJSONDecoder: Sendable {
    /// The longest line accepted, not counting its `\n` or `\r\n`.
    public static let maximumLineLength = 64 * 1024

    private let limits: ReadingLimits
    /// Offset, in the decoded stream, of the first byte not yet consumed.
    public private(set) var offset = 0
    /// Start of an over-long line being skipped.
    private var skippedLineStart: Int?
    /// Whether the bytes of the skipped line seen so far end in `\r`, which belongs to its
    /// line end if `\n` comes next.
    private var skippedLineEndsInCR = false
    /// The current line's fields, refilled for every line.
    private var fields = JSONLine()

    public init(limits: ReadingLimits) {
        self.limits = limits
    }

    public mutating func decode(_ bytes: UnsafeRawBufferPointer, isFinal: Bool, into batch: inout DecodedBatch) -> Int {
        let count = bytes.count
        var index = 0
        if let start = skippedLineStart {
            if let newline = Self.newline(in: bytes, from: 0) {
                let endsInCR = newline > 0 ? bytes[newline - 1] == UInt8(ascii: "\r") : skippedLineEndsInCR
                closeSkippedLine(start: start, end: offset + newline - (endsInCR ? 1 : 0), into: &batch)
                index = newline + 1
            } else {
                if count > 0 { skippedLineEndsInCR = bytes[count - 1] == UInt8(ascii: "\r") }
                offset += count
                if isFinal { closeSkippedLine(start: start, end: offset, into: &batch) }
                return count
            }
        }
        while index < count {
            guard let newline = Self.newline(in: bytes, from: index) else {
                let remaining = count - index
                if remaining > Self.maximumLineLength + 1 {
                    // Too long whatever comes next: skip it as it streams past.
                    skippedLineStart = offset + index
                    skippedLineEndsInCR = bytes[count - 1] == UInt8(ascii: "\r")
                    index = count
                    if isFinal {
                        closeSkippedLine(start: offset + count - remaining, end: offset + count, into: &batch)
                    }
                } else if isFinal {
                    takeLine(UnsafeRawBufferPointer(rebasing: bytes[index..<count]), at: offset + index, into: &batch)
                    index = count
                }
                break
            }
            var end = newline
            if end > index, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            takeLine(UnsafeRawBufferPointer(rebasing: bytes[index..<end]), at: offset + index, into: &batch)
            index = newline + 1
        }
        offset += index
        return index
    }

    /// Decodes a whole line (the last one may have no line end), or rejects it as
    /// `length` when it is over the limit.
    private mutating func takeLine(_ line: UnsafeRawBufferPointer, at lineOffset: Int, into batch: inout DecodedBatch) {
        guard line.count <= Self.maximumLineLength else {
            batch.rejections.append(Self.overlong(at: lineOffset, length: line.count))
            return
        }
        decodeLine(line, at: lineOffset, into: &batch)
    }

    private mutating func closeSkippedLine(start: Int, end: Int, into batch: inout DecodedBatch) {
        skippedLineStart = nil
        batch.rejections.append(Self.overlong(at: start, length: end - start))
    }

    private static func overlong(at offset: Int, length: Int) -> Rejection {
        Rejection(reason: .length, offset: offset, length: length,
                  detail: "line of \(length) bytes is longer than the limit of 64 KiB")
    }

    @inline(__always)
    private static func newline(in bytes: UnsafeRawBufferPointer, from index: Int) -> Int? {
        guard index < bytes.count, let base = bytes.baseAddress else { return nil }
        guard let found = memchr(base + index, 0x0A, bytes.count - index) else { return nil }
        return base.distance(to: UnsafeRawPointer(found))
    }

    private mutating func decodeLine(_ line: UnsafeRawBufferPointer, at lineOffset: Int, into batch: inout DecodedBatch) {
        do {
            guard try JSONLineParser.parse(line, into: &fields) else { return }
        } catch {
            batch.rejections.append(Rejection(reason: .json, offset: lineOffset, length: line.count, detail: error.detail))
            return
        }
        switch NDJSONReadingBuilder(line: line, fields: fields, limits: limits).build() {
        case .success(let reading):
            batch.readings.append(reading)
            batch.offsets.append(lineOffset)
        case .failure(let problem):
            batch.rejections.append(Rejection(reason: problem.reason, offset: lineOffset, length: line.count, detail: problem.detail))
        }
    }
}
