/// Decodes the `TWR1` binary encoding (streams.md §2.1) incrementally: bytes in,
/// readings, rejections and skipped unknown kinds out. No I/O.
///
/// ``decode(_:isFinal:into:)`` returns how many bytes it consumed; the caller keeps the
/// rest (at most one record, 1032 bytes) and passes it again, followed by more bytes.
///
/// Damage (a bad sync byte, a bad checksum, a `len` over 1024 or running past the end of
/// the stream while whole records follow, a damaged repeated header) starts a *damaged
/// range*: the decoder scans forward for the next `0xA7` at which a
/// whole record validates, or a whole header, and reports the range as one `crc` or
/// `length` rejection. So one changed byte costs one record.
public struct TWR1Decoder: Sendable {
    private let limits: ReadingLimits
    /// Offset, in the decoded stream, of the first byte not yet consumed.
    public private(set) var offset = 0
    /// Where the current damaged range began and why, while scanning for the next record.
    private var damage: (start: Int, reason: RejectReason, detail: String)?
    private var expectsHeader = true
    /// Candidates without the common body shape whose CRC was still worked out in the
    /// current damaged range (see ``isPlausibleFrame(_:at:bodyLength:)``).
    private var implausibleCandidates = 0
    /// How many such candidates a damaged range may check by CRC: enough that damage as
    /// a link or a disk makes it ends exactly where the CRC says, few enough that hostile
    /// bytes full of `0xA7` cannot cost a CRC of up to 1 KiB at each one.
    static let implausibleCandidateBudget = 256

    public init(limits: ReadingLimits) {
        self.limits = limits
    }

    /// Decodes as much of `bytes` as it can. When `isFinal` is false it stops before a
    /// record that is not whole yet and returns the bytes consumed; when true it consumes
    /// everything, rejecting a record cut off by the end.
    public mutating func decode(_ bytes: UnsafeRawBufferPointer, isFinal: Bool, into batch: inout DecodedBatch) -> Int {
        var index = 0
        let count = bytes.count
        if expectsHeader {
            guard count >= TWR1Format.headerSize || isFinal else { return 0 }
            expectsHeader = false
            if TWR1Format.isHeader(bytes, at: 0) {
                index = TWR1Format.headerSize
            } else {
                damage = (0, .crc, "stream header is not TWR1 version 1")
            }
        }
        while index < count {
            if damage != nil {
                guard let next = resynchronise(bytes, from: index, isFinal: isFinal) else {
                    // Keep the bytes a candidate record may still need.
                    let keep = isFinal ? count : max(index, count - TWR1Format.recordSize(bodyLength: TWR1Format.maximumBodyLength))
                    offset += keep
                    if isFinal { closeDamage(at: offset, into: &batch) }
                    return keep
                }
                closeDamage(at: offset + next, into: &batch)
                index = next
                continue
            }
            let step = decodeRecord(bytes, at: index, isFinal: isFinal, into: &batch)
            if step == 0 { break }
            index += step
        }
        offset += index
        if isFinal, index == count, damage != nil { closeDamage(at: offset, into: &batch) }
        return index
    }

    /// Decodes the record or header at `index`. Returns the bytes it took, or 0 when more
    /// bytes are needed. On damage it opens a damaged range and returns 1 (the scan for
    /// the next record starts after the first byte).
    private mutating func decodeRecord(_ bytes: UnsafeRawBufferPointer, at index: Int, isFinal: Bool, into batch: inout DecodedBatch) -> Int {
        let available = bytes.count - index
        let first = bytes[index]
        if first != TWR1Format.syncByte {
            if first == TWR1Format.header[0] {
                if available < TWR1Format.headerSize, !isFinal { return 0 }
                if TWR1Format.isHeader(bytes, at: index) { return TWR1Format.headerSize }
            }
            openDamage(at: offset + index, .crc, "expected sync byte 0xA7, found 0x\(hex(first))")
            return 1
        }
        guard available >= TWR1Format.framePrefixSize else {
            if isFinal { return truncated(available, at: index, into: &batch) }
            return 0
        }
        let length = Int(bytes.loadUnaligned(fromByteOffset: index + 2, as: UInt16.self).littleEndian)
        guard length <= TWR1Format.maximumBodyLength else {
            openDamage(at: offset + index, .length, "record declares len \(length), over the maximum of 1024")
            return 1
        }
        let size = TWR1Format.recordSize(bodyLength: length)
        guard available >= size else {
            guard isFinal else { return 0 }
            // A record runs past the end: cut off, unless a whole record validates after
            // it, in which case its `len` is damaged and only it is lost.
            guard resynchronise(bytes, from: index + 1, isFinal: true) != nil else {
                return truncated(available, at: index, into: &batch)
            }
            openDamage(at: offset + index, .length, "record declares len \(length), past the end of the stream")
            return 1
        }
        guard Self.checksumMatches(bytes, at: index, bodyLength: length) else {
            openDamage(at: offset + index, .crc, "record checksum does not match")
            return 1
        }
        decodeBody(bytes, at: index, bodyLength: length, into: &batch)
        return size
    }

    private func truncated(_ available: Int, at index: Int, into batch: inout DecodedBatch) -> Int {
        batch.rejections.append(Rejection(
            reason: .length, offset: offset + index, length: available,
            detail: "record cut off by the end of the stream after \(available) bytes"))
        return available
    }

    /// Whether the candidate record at `index` is worth a CRC while scanning damage: the
    /// CRC alone says whether a record validates, but once a damaged range has spent its
    /// budget on candidates without the common body shape, only those with it are
    /// checked.
    private mutating func isWorthChecking(_ bytes: UnsafeRawBufferPointer, at index: Int, bodyLength: Int) -> Bool {
        if Self.isPlausibleFrame(bytes, at: index, bodyLength: bodyLength) { return true }
        guard implausibleCandidates < Self.implausibleCandidateBudget else { return false }
        implausibleCandidates += 1
        return true
    }

    /// Whether a whole record at `index` has the body every record has (streams.md §2.1:
    /// devLen 1...32, a serial of `[A-Za-z0-9_-]`, `seq` and `t`, then the payload;
    /// exactly the kind's payload for a known kind).
    private static func isPlausibleFrame(_ bytes: UnsafeRawBufferPointer, at index: Int, bodyLength: Int) -> Bool {
        guard bodyLength > 0 else { return false }
        let serialLength = Int(bytes[index + 4])
        guard (1...DeviceSerial.maximumLength).contains(serialLength) else { return false }
        if let kind = ReadingKind(rawValue: bytes[index + 1]) {
            guard bodyLength == TWR1Format.bodySize(serialLength: serialLength, kind: kind) else { return false }
        } else {
            guard bodyLength >= 1 + serialLength + 12 else { return false }
        }
        for position in (index + 5)..<(index + 5 + serialLength) where !DeviceSerial.isAllowed(bytes[position]) {
            return false
        }
        return true
    }

    @inline(__always)
    private static func checksumMatches(_ bytes: UnsafeRawBufferPointer, at index: Int, bodyLength: Int) -> Bool {
        let covered = UnsafeRawBufferPointer(rebasing: bytes[(index + 1)..<(index + 4 + bodyLength)])
        let stored = bytes.loadUnaligned(fromByteOffset: index + 4 + bodyLength, as: UInt32.self).littleEndian
        return TWR1Format.crc32(covered) == stored
    }

    /// Decodes a record whose frame and checksum are good.
    private func decodeBody(_ bytes: UnsafeRawBufferPointer, at index: Int, bodyLength: Int, into batch: inout DecodedBatch) {
        let kindCode = bytes[index + 1]
        guard let kind = ReadingKind(rawValue: kindCode) else {
            batch.unknownKinds += 1
            return
        }
        let recordOffset = offset + index
        let recordSize = TWR1Format.recordSize(bodyLength: bodyLength)
        func reject(_ reason: RejectReason, _ detail: String) {
            batch.rejections.append(Rejection(reason: reason, offset: recordOffset, length: recordSize, detail: detail))
        }
        let body = index + 4
        let serialLength = bodyLength > 0 ? Int(bytes[body]) : 0
        let expected = TWR1Format.bodySize(serialLength: serialLength, kind: kind)
        guard bodyLength > 0, bodyLength == expected else {
            reject(.length, "\(kind.name) record has len \(bodyLength), expected \(bodyLength > 0 ? expected : 1 + 13 + kind.binaryPayloadSize) for its devLen")
            return
        }
        let fields = body + 1 + serialLength
        let seq = bytes.loadUnaligned(fromByteOffset: fields, as: UInt32.self).littleEndian
        let time = bytes.loadUnaligned(fromByteOffset: fields + 4, as: Int64.self).littleEndian
        let payload: Payload
        switch Self.decodePayload(kind, bytes, at: fields + 12) {
        case .success(let value): payload = value
        case .failure(let problem):
            reject(.type, problem.detail)
            return
        }
        guard let device = DeviceSerial(ascii: UnsafeRawBufferPointer(rebasing: bytes[(body + 1)..<fields])) else {
            reject(.deviceID, "device serial is not 1 to 32 characters of [A-Za-z0-9_-]")
            return
        }
        guard limits.accepts(time: time) else {
            reject(.clock, limits.clockDetail(time))
            return
        }
        batch.readings.append(Reading(device: device, seq: seq, time: time, payload: payload))
        batch.offsets.append(recordOffset)
    }

    private static func decodePayload(_ kind: ReadingKind, _ bytes: UnsafeRawBufferPointer, at index: Int) -> Result<Payload, PayloadProblem> {
        func float(_ at: Int) -> Float {
            Float(bitPattern: bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self).littleEndian)
        }
        func flag(_ at: Int, _ name: String) -> Result<Bool, PayloadProblem> {
            switch bytes[at] {
            case 0: .success(false)
            case 1: .success(true)
            case let other: .failure(PayloadProblem(detail: "\(kind.name) \(name) is \(other), expected 0 or 1"))
            }
        }
        switch kind {
        case .tac:
            let sample = AlcoholSample(tac: float(index), ir: float(index + 4), temp: float(index + 8))
            guard sample.tac.isFinite, sample.ir.isFinite, sample.temp.isFinite else {
                return .failure(PayloadProblem(detail: "tac sample holds a value that is not a finite number"))
            }
            return .success(.tac(sample))
        case .rf:
            return flag(index, "inRange").map { .rf(inRange: $0, rssi: Int8(bitPattern: bytes[index + 1])) }
        case .strap:
            return flag(index, "ok").map { .strap(ok: $0) }
        case .hmu:
            return .success(.hmu(HomeUnitStatus(rawValue: bytes[index])))
        case .batt:
            let percent = bytes[index]
            guard percent <= 100 else {
                return .failure(PayloadProblem(detail: "batt pct is \(percent), expected 0...100"))
            }
            return .success(.batt(percent: percent))
        case .hb:
            return .success(.hb)
        case .gps:
            let lat = Double(bitPattern: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self).littleEndian)
            let lon = Double(bitPattern: bytes.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self).littleEndian)
            let fix = LocationFix(lat: lat, lon: lon, accuracy: float(index + 16))
            guard fix.lat.isFinite, fix.lon.isFinite, fix.accuracy.isFinite else {
                return .failure(PayloadProblem(detail: "gps fix holds a value that is not a finite number"))
            }
            return .success(.gps(fix))
        }
    }

    // MARK: Damage

    private mutating func openDamage(at start: Int, _ reason: RejectReason, _ detail: String) {
        damage = (start, reason, detail)
        implausibleCandidates = 0
    }

    private mutating func closeDamage(at end: Int, into batch: inout DecodedBatch) {
        guard let open = damage else { return }
        damage = nil
        // A stream without its header whose first record is whole lost nothing.
        guard end > open.start else { return }
        batch.rejections.append(Rejection(
            reason: open.reason, offset: open.start, length: end - open.start,
            detail: "\(open.detail); \(end - open.start) bytes skipped to the next valid record"))
    }

    /// The index of the next place at or after `start` where a whole record validates or
    /// a whole header stands; nil when there is none in `bytes`, or when one may start
    /// too near the end to tell yet (and `isFinal` is false).
    private mutating func resynchronise(_ bytes: UnsafeRawBufferPointer, from start: Int, isFinal: Bool) -> Int? {
        var index = start
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == TWR1Format.syncByte {
                let available = count - index
                if available < TWR1Format.framePrefixSize {
                    return nil
                }
                let length = Int(bytes.loadUnaligned(fromByteOffset: index + 2, as: UInt16.self).littleEndian)
                if length <= TWR1Format.maximumBodyLength {
                    if available < TWR1Format.recordSize(bodyLength: length) {
                        if !isFinal { return nil }
                    } else if isWorthChecking(bytes, at: index, bodyLength: length),
                              Self.checksumMatches(bytes, at: index, bodyLength: length) {
                        return index
                    }
                }
            } else if byte == TWR1Format.header[0] {
                if count - index < TWR1Format.headerSize, !isFinal { return nil }
                if TWR1Format.isHeader(bytes, at: index) { return index }
            }
            index += 1
        }
        return nil
    }
}

struct PayloadProblem: Error {
    var detail: String
}

func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
}
