/// Decodes one stream (a plain file, a zlib stream, or one gzip member) whatever its
/// encoding: recognises the encoding from the first bytes, then feeds the right decoder,
/// holding back between calls only the bytes a record or line still needs.
///
/// Feed it chunks of any size with ``feed(_:into:)`` and end with ``finish(into:)``.
/// Memory is bounded: the held-back bytes never exceed one NDJSON line (64 KiB) plus
/// the probe of a chunk boundary.
public struct ReadingDecoder: Sendable {
    private enum State {
        case recognising
        case twr1(TWR1Decoder)
        case ndjson(NDJSONDecoder)
    }

    private let limits: ReadingLimits
    private var state = State.recognising
    /// Bytes received but not yet consumed by the decoder.
    private var carry: [UInt8] = []

    public init(limits: ReadingLimits) {
        self.limits = limits
    }

    /// The encoding, once recognised.
    public var encoding: RecordEncoding? {
        switch state {
        case .recognising: nil
        case .twr1: .twr1
        case .ndjson: .ndjson
        }
    }

    public mutating func feed(_ bytes: UnsafeRawBufferPointer, into batch: inout DecodedBatch) {
        guard !bytes.isEmpty else { return }
        if case .recognising = state {
            carry.append(contentsOf: bytes)
            guard recognise(isComplete: false) else { return }
            drainCarry(isFinal: false, into: &batch)
            return
        }
        var rest = bytes
        if !carry.isEmpty {
            rest = joinCarry(with: bytes, into: &batch)
        }
        let consumed = decode(rest, isFinal: false, into: &batch)
        if consumed < rest.count {
            carry.append(contentsOf: UnsafeRawBufferPointer(rebasing: rest[consumed...]))
        }
    }

    public mutating func finish(into batch: inout DecodedBatch) {
        if case .recognising = state {
            guard !carry.isEmpty else { return }
            _ = recognise(isComplete: true)
        }
        drainCarry(isFinal: true, into: &batch)
    }

    private mutating func recognise(isComplete: Bool) -> Bool {
        let encoding = carry.withUnsafeBytes { RecordEncoding.recognise($0, isComplete: isComplete) }
        switch encoding {
        case .twr1: state = .twr1(TWR1Decoder(limits: limits))
        case .ndjson: state = .ndjson(NDJSONDecoder(limits: limits))
        case nil: return false
        }
        return true
    }

    private mutating func drainCarry(isFinal: Bool, into batch: inout DecodedBatch) {
        let held = carry
        carry.removeAll(keepingCapacity: true)
        held.withUnsafeBytes { held in
            let consumed = decode(held, isFinal: isFinal, into: &batch)
            carry.append(contentsOf: UnsafeRawBufferPointer(rebasing: held[consumed...]))
        }
    }

    /// Completes the held-back bytes with the start of `bytes` and decodes them, copying
    /// no more of `bytes` than the decoder needs to get past the held-back part (doubling
    /// from 4 KiB). Returns the part of `bytes` still to decode.
    ///
    /// The held-back bytes are always one partial record or line, so a decoder that
    /// cannot get past them has produced nothing and changed nothing, and can simply be
    /// asked again with more.
    private mutating func joinCarry(with bytes: UnsafeRawBufferPointer, into batch: inout DecodedBatch) -> UnsafeRawBufferPointer {
        let held = carry.count
        var borrow = 4096
        while true {
            let take = min(borrow, bytes.count)
            var joined = carry
            joined.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[..<take]))
            let consumed = joined.withUnsafeBytes { decode($0, isFinal: false, into: &batch) }
            if consumed >= held {
                carry.removeAll(keepingCapacity: true)
                return UnsafeRawBufferPointer(rebasing: bytes[(consumed - held)...])
            }
            if take == bytes.count {
                carry = Array(joined[consumed...])
                return UnsafeRawBufferPointer(rebasing: bytes[bytes.count...])
            }
            borrow *= 2
        }
    }

    private mutating func decode(_ bytes: UnsafeRawBufferPointer, isFinal: Bool, into batch: inout DecodedBatch) -> Int {
        Self.decode(&state, bytes, isFinal: isFinal, into: &batch)
    }

    private static func decode(_ state: inout State, _ bytes: UnsafeRawBufferPointer, isFinal: Bool, into batch: inout DecodedBatch) -> Int {
        switch state {
        case .recognising:
            return 0
        // Each case takes the decoder out of `state` first, so the decoder's storage is
        // not shared with the enum and is mutated in place rather than copied.
        case .twr1(var decoder):
            state = .recognising
            let consumed = decoder.decode(bytes, isFinal: isFinal, into: &batch)
            state = .twr1(decoder)
            return consumed
        case .ndjson(var decoder):
            state = .recognising
            let consumed = decoder.decode(bytes, isFinal: isFinal, into: &batch)
            state = .ndjson(decoder)
            return consumed
        }
    }
}
