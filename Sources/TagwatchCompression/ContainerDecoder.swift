#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a container (streams.md §1) incrementally: compressed bytes in, members and
/// their decompressed bytes out, with every damaged range reported. No I/O.
///
/// - gzip: every member, each reported as a stream of its own. Damage inside a member
///   (bad deflate data, a checksum or length mismatch, truncation) loses at most the rest
///   of that member: reading goes on at the next `1f 8b 08`, searched from the end of
///   the member's last whole deflate block, so a truncated member that runs into the next
///   upload does not take that upload with it. A block boundary reached after the
///   member's bytes ran into a member header (or the start of one) is not the member's
///   own, and does not count.
/// - zlib: one stream; damage loses the rest of it, and bytes after it are garbage.
/// - plain: the bytes as they are.
///
/// Memory is bounded: one 256 KiB output buffer, and the compressed bytes since the
/// current member's last whole deflate block (at most 8 MiB; past that the search after
/// damage starts where the damage was found).
public final class ContainerDecoder {
    /// Size of the decompressed chunks handed out.
    public static let outputChunkSize = 256 * 1024
    /// The most compressed bytes kept to search again after damage.
    static let retentionLimit = 8 * 1024 * 1024

    private enum Mode {
        case recognising
        case plain
        case inflating
        /// Looking for the next gzip member header; bytes from `lostFrom` are lost so far.
        case seeking(lostFrom: Int)
        /// After a zlib stream, or a damaged one: everything from `lostFrom` is lost.
        case discarding(lostFrom: Int)
    }

    private struct PendingDamage {
        var kind: ContainerDamage.Kind
        var offset: Int
        var member: Int
        var detail: String
    }

    /// The container, once recognised.
    public private(set) var format: ContainerFormat?
    private var mode = Mode.recognising
    /// Offset in the input of the first byte of the bytes being processed.
    private var offset = 0
    private var prefix: [UInt8] = []
    /// The last bytes of a chunk that may begin a member header, processed again with
    /// the next chunk.
    private var headerCarry: [UInt8] = []
    private var inflater: Inflater?
    private var member: Member?
    private var memberCount = 0
    private var pendingDamage: PendingDamage?
    private let output: UnsafeMutableRawBufferPointer
    private var produced = 0
    /// Offset just past the current member's last whole deflate block.
    private var lastBoundary = 0
    /// The current member's bytes from `lastBoundary` up to `offset`.
    private var retained: [UInt8] = []
    private var retentionOverflowed = false
    /// How many bytes of a member header end the current member's bytes consumed so far
    /// (0, 1 or 2).
    private var headerMatch = 0
    /// Whether the current member's bytes after its first hold a whole member header:
    /// its deflate data ran into another member, so no later boundary is its own.
    private var ranIntoHeader = false
    /// A block boundary reached while `headerMatch` was not 0, trusted once the header
    /// begun before it turns out not to be one.
    private var pendingBoundary: Int?

    public init() {
        output = .allocate(byteCount: Self.outputChunkSize, alignment: 16)
    }

    deinit {
        output.deallocate()
    }

    /// Members started so far.
    public var membersSeen: Int { memberCount }

    /// Reads `input`, the next bytes of the container, reporting what it finds.
    public func feed(_ input: UnsafeRawBufferPointer, _ handle: (ContainerEvent) -> Void) {
        guard !input.isEmpty else { return }
        var input = input
        if case .recognising = mode {
            let taken = min(ContainerFormat.recognitionLength - prefix.count, input.count)
            prefix.append(contentsOf: input[..<taken])
            guard prefix.count == ContainerFormat.recognitionLength else { return }
            let held = prefix
            prefix = []
            begin(ContainerFormat.recognise(held), handle)
            held.withUnsafeBytes { run($0, handle) }
            input = UnsafeRawBufferPointer(rebasing: input[taken...])
        }
        if !headerCarry.isEmpty {
            // `offset` still points at the carried bytes: they were not counted as processed.
            let joined = headerCarry + Array(input)
            headerCarry = []
            joined.withUnsafeBytes { run($0, handle) }
        } else {
            run(input, handle)
        }
    }

    /// Ends the input: reports a member cut off by the end, and bytes lost at the end.
    public func finish(_ handle: (ContainerEvent) -> Void) {
        if case .recognising = mode {
            guard !prefix.isEmpty else { return }
            let held = prefix
            prefix = []
            begin(ContainerFormat.recognise(held), handle)
            held.withUnsafeBytes { run($0, handle) }
        }
        offset += headerCarry.count
        headerCarry = []
        while true {
            switch mode {
            case .recognising:
                return
            case .plain:
                endMember(handle)
                mode = .discarding(lostFrom: offset)
            case .inflating:
                let current = member!
                endMember(handle)
                pendingDamage = PendingDamage(
                    kind: .truncated, offset: offset, member: current.index,
                    detail: "the input ends inside \(current.format.rawValue) member \(current.index + 1), which starts at byte \(current.offset)")
                if current.format == .gzip,
                   let replay = searchAfterDamage(of: current, chunk: UnsafeRawBufferPointer(start: nil, count: 0), at: 0) {
                    replay.withUnsafeBytes { run($0, handle) }
                    offset += headerCarry.count
                    headerCarry = []
                } else {
                    mode = .discarding(lostFrom: lastBoundary)
                }
            case .seeking(let lostFrom), .discarding(let lostFrom):
                reportLoss(from: lostFrom, to: offset, handle)
                return
            }
        }
    }

    // MARK: Processing

    private func begin(_ recognised: ContainerFormat, _ handle: (ContainerEvent) -> Void) {
        format = recognised
        if recognised == .plain {
            startMember(at: 0, handle)
            mode = .plain
        } else {
            inflater = Inflater(format: recognised)
            startMember(at: 0, handle)
        }
    }

    /// Processes `bytes`, which start at `offset`, and any bytes damage sends the reader
    /// back to; on return `offset` is past them all.
    private func run(_ bytes: UnsafeRawBufferPointer, _ handle: (ContainerEvent) -> Void) {
        var replay = process(bytes, handle)
        while let again = replay {
            replay = again.withUnsafeBytes { process($0, handle) }
        }
    }

    /// Processes `chunk`, which starts at `offset`. When damage sends the reader back to
    /// search for a header, returns the bytes to search (they include the rest of
    /// `chunk`) with `offset` set to their start.
    private func process(_ chunk: UnsafeRawBufferPointer, _ handle: (ContainerEvent) -> Void) -> [UInt8]? {
        var index = 0
        while index < chunk.count {
            switch mode {
            case .recognising:
                preconditionFailure("a container is recognised before its bytes are processed")
            case .plain:
                handle(.data(UnsafeRawBufferPointer(rebasing: chunk[index...])))
                index = chunk.count
            case .discarding:
                index = chunk.count
            case .seeking(let lostFrom):
                guard let header = Self.findHeader(in: chunk, from: index) else {
                    let keep = min(Self.partialHeaderLength(at: chunk), chunk.count - index)
                    headerCarry = Array(chunk[(chunk.count - keep)...])
                    offset += chunk.count - keep
                    return nil
                }
                reportLoss(from: lostFrom, to: offset + header, handle)
                index = header
                startMember(at: offset + index, handle)
            case .inflating:
                switch inflate(chunk, from: index, handle) {
                case .needsInput:
                    retain(chunk)
                    index = chunk.count
                case .ended(let end):
                    index = end
                    endMember(handle)
                    mode = format == .gzip ? .seeking(lostFrom: offset + index) : .discarding(lostFrom: offset + index)
                case .failed(let at, let kind, let message):
                    let current = member!
                    endMember(handle)
                    pendingDamage = PendingDamage(
                        kind: kind, offset: offset + at, member: current.index,
                        detail: "\(current.format.rawValue) member \(current.index + 1), which starts at byte \(current.offset): \(message)")
                    if current.format == .gzip {
                        // Most often the search starts inside this chunk: go on from there
                        // rather than copying the rest of the chunk for every damaged member.
                        if let resume = searchStartInChunk(of: current, chunk: chunk, at: at) {
                            mode = .seeking(lostFrom: lastBoundary)
                            retained = []
                            retentionOverflowed = false
                            index = resume
                            continue
                        }
                        return searchAfterDamage(of: current, chunk: chunk, at: at)
                    }
                    mode = .discarding(lostFrom: lastBoundary)
                    index = chunk.count
                }
            }
        }
        offset += chunk.count
        return nil
    }

    private enum InflateResult {
        case needsInput
        case ended(at: Int)
        case failed(at: Int, kind: ContainerDamage.Kind, message: String)
    }

    private func inflate(_ chunk: UnsafeRawBufferPointer, from start: Int, _ handle: (ContainerEvent) -> Void) -> InflateResult {
        var index = start
        while true {
            if produced == output.count { flushOutput(handle) }
            let step = inflater!.inflate(
                UnsafeRawBufferPointer(rebasing: chunk[index...]),
                into: UnsafeMutableRawBufferPointer(rebasing: output[produced...]))
            scanForHeader(chunk, from: index, to: index + step.consumed)
            index += step.consumed
            produced += step.produced
            switch step.status {
            case .end:
                return .ended(at: index)
            case .failed(let message, let isChecksum):
                return .failed(at: index, kind: isChecksum ? .checksum : .badData, message: message)
            case .progress:
                let atBoundary = inflater!.isAtBlockBoundary
                if atBoundary { reachBoundary(at: offset + index) }
                // Output space left and input used up: zlib needs the next chunk.
                if index == chunk.count, produced < output.count { return .needsInput }
                if step.consumed == 0, step.produced == 0, !atBoundary, produced < output.count {
                    return .failed(at: index, kind: .badData, message: "zlib made no progress")
                }
            }
        }
    }

    private func startMember(at position: Int, _ handle: (ContainerEvent) -> Void) {
        let started = Member(index: memberCount, offset: position, format: format!)
        memberCount += 1
        member = started
        inflater?.reset()
        lastBoundary = position
        retained.removeAll(keepingCapacity: true)
        retentionOverflowed = false
        headerMatch = 0
        ranIntoHeader = false
        pendingBoundary = nil
        if format != .plain { mode = .inflating }
        handle(.memberStarted(started))
    }

    private func endMember(_ handle: (ContainerEvent) -> Void) {
        flushOutput(handle)
        if let member { handle(.memberEnded(member)) }
        member = nil
    }

    /// Follows the bytes `chunk[start..<end]` the inflater consumed for a gzip member
    /// header other than the current member's own, and trusts a pending boundary once no
    /// header begins before it.
    private func scanForHeader(_ chunk: UnsafeRawBufferPointer, from start: Int, to end: Int) {
        guard format == .gzip, !ranIntoHeader, start < end, let base = chunk.baseAddress else { return }
        var match = headerMatch
        var index = start
        while index < end {
            if match == 0 {
                // Almost no compressed byte is 0x1F: jump to the next one.
                guard let found = memchr(base + index, 0x1F, end - index) else { break }
                index = base.distance(to: UnsafeRawPointer(found))
            }
            switch (match, chunk[index]) {
            case (_, 0x1F): match = 1
            case (1, 0x8B): match = 2
            case (2, 0x08):
                match = 0
                let headerStart = offset + index - 2
                if headerStart > member!.offset {
                    headerMatch = 0
                    // A boundary the header begins at or after was the member's own.
                    if let pending = pendingBoundary, headerStart >= pending { trustBoundary(at: pending) }
                    ranIntoHeader = true
                    pendingBoundary = nil
                    return
                }
            default: match = 0
            }
            index += 1
        }
        headerMatch = match
        if let pending = pendingBoundary, offset + end - headerMatch >= pending {
            trustBoundary(at: pending)
        }
    }

    /// The inflater stopped at a block boundary at `position`: everything before it is
    /// decoded, unless the member ran into a header, or a header may begin just before it.
    private func reachBoundary(at position: Int) {
        guard !ranIntoHeader else { return }
        if headerMatch == 0 {
            trustBoundary(at: position)
        } else {
            pendingBoundary = position
        }
    }

    /// Moves `lastBoundary` to `position`, keeping only the bytes from there.
    private func trustBoundary(at position: Int) {
        pendingBoundary = nil
        if position >= offset {
            retained.removeAll(keepingCapacity: true)
            retentionOverflowed = false
        } else if !retentionOverflowed {
            retained.removeFirst(position - lastBoundary)
        }
        lastBoundary = position
    }

    /// Keeps the bytes of `chunk` from the current member's last whole block.
    private func retain(_ chunk: UnsafeRawBufferPointer) {
        guard !retentionOverflowed else { return }
        let from = max(lastBoundary - offset, 0)
        guard from < chunk.count else { return }
        guard retained.count + chunk.count - from <= Self.retentionLimit else {
            retained = []
            retentionOverflowed = true
            return
        }
        retained.append(contentsOf: chunk[from...])
    }

    /// After damage found at `chunk[at]` in `damaged`:
    /// switches to searching for the next member header and returns the bytes to search,
    /// from the end of the member's last whole block (or from the damage itself, when
    /// those bytes were too many to keep) to the end of `chunk`; `offset` is set to their
    /// start. Nil when there is nothing to search.
    /// Where the search for the next member header starts after damage at `chunk[at]` in
    /// `damaged`: the end of its last whole block, or the damage itself when the bytes
    /// since that block were too many to keep; never at its own header.
    private func searchStart(of damaged: Member, at: Int) -> Int {
        max(retentionOverflowed ? offset + at : lastBoundary, damaged.offset + 1)
    }

    /// The search start as an index into `chunk`, when it lies there (no kept bytes from
    /// earlier chunks are needed); nil otherwise.
    private func searchStartInChunk(of damaged: Member, chunk: UnsafeRawBufferPointer, at: Int) -> Int? {
        let start = searchStart(of: damaged, at: at)
        guard start >= offset, start <= offset + chunk.count else { return nil }
        return start - offset
    }

    /// Switches to searching for the next member header after damage at `chunk[at]` in
    /// `damaged`, and returns the bytes to search, from the search start to the end of
    /// `chunk`, with `offset` set to their start; nil when there are none.
    private func searchAfterDamage(of damaged: Member, chunk: UnsafeRawBufferPointer, at: Int) -> [UInt8]? {
        let start = searchStart(of: damaged, at: at)
        let bytes = start >= offset
            ? Array(chunk[min(start - offset, chunk.count)...])
            : Array(retained[(start - lastBoundary)...]) + Array(chunk)
        mode = .seeking(lostFrom: lastBoundary)
        retained = []
        retentionOverflowed = false
        offset = start
        return bytes.isEmpty ? nil : bytes
    }

    private func flushOutput(_ handle: (ContainerEvent) -> Void) {
        guard produced > 0 else { return }
        handle(.data(UnsafeRawBufferPointer(rebasing: output[..<produced])))
        produced = 0
    }

    /// Reports the damage waiting for its cost, or bytes that belong to no member.
    private func reportLoss(from lostFrom: Int, to resume: Int, _ handle: (ContainerEvent) -> Void) {
        let lost = max(0, resume - lostFrom)
        if let damage = pendingDamage {
            pendingDamage = nil
            handle(.damaged(ContainerDamage(kind: damage.kind, offset: damage.offset, lostFrom: min(lostFrom, resume), bytesLost: lost, member: damage.member, detail: damage.detail)))
        } else if lost > 0 {
            handle(.damaged(ContainerDamage(
                kind: .garbage, offset: lostFrom, bytesLost: lost, member: nil,
                detail: "\(lost) bytes from byte \(lostFrom) belong to no \(format?.rawValue ?? "container") member")))
        }
    }

    // MARK: Header search

    private static func findHeader(in chunk: UnsafeRawBufferPointer, from start: Int) -> Int? {
        var index = start
        while index + 2 < chunk.count {
            if chunk[index] == 0x1F, chunk[index + 1] == 0x8B, chunk[index + 2] == 0x08 { return index }
            index += 1
        }
        return nil
    }

    /// How many bytes at the end of `chunk` could begin a header (0, 1 or 2).
    private static func partialHeaderLength(at chunk: UnsafeRawBufferPointer) -> Int {
        let count = chunk.count
        if count >= 2, chunk[count - 2] == 0x1F, chunk[count - 1] == 0x8B { return 2 }
        if count >= 1, chunk[count - 1] == 0x1F { return 1 }
        return 0
    }
}
