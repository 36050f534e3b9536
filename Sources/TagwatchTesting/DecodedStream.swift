import TagwatchCompression
import TagwatchCore

/// Everything the pure pipeline (container, then decoder per member) makes of some
/// bytes, collected for assertions. Chunk sizes can be chosen, to show that where the
/// bytes are cut never changes the result.
public struct DecodedStream: Sendable {
    public struct MemberResult: Sendable {
        public var member: Member
        public var encoding: RecordEncoding?
        public var readings: [Reading] = []
        public var rejections: [Rejection] = []
        public var unknownKinds = 0
    }

    public var format: ContainerFormat?
    public var members: [MemberResult] = []
    public var damages: [ContainerDamage] = []

    /// All readings, in stream order.
    public var readings: [Reading] { members.flatMap(\.readings) }
    /// All rejections, in stream order.
    public var rejections: [Rejection] { members.flatMap(\.rejections) }
    public var unknownKinds: Int { members.reduce(0) { $0 + $1.unknownKinds } }
    public var bytesLost: Int { damages.reduce(0) { $0 + $1.bytesLost } }

    /// Decodes `bytes` fed in chunks of `chunkSize` (the whole at once when nil), with
    /// the wall clock at `wallClock` milliseconds (default: far ahead of any sample).
    public static func decode(_ bytes: [UInt8], chunkSize: Int? = nil, wallClock: Int64 = 4_102_444_800_000) -> DecodedStream {
        decode(bytes, chunkSizes: chunkSize.map { [$0] } ?? [max(bytes.count, 1)], wallClock: wallClock)
    }

    /// Decodes `bytes` fed in chunks whose sizes cycle through `chunkSizes`.
    public static func decode(_ bytes: [UInt8], chunkSizes: [Int], wallClock: Int64 = 4_102_444_800_000) -> DecodedStream {
        precondition(!chunkSizes.isEmpty && chunkSizes.allSatisfy { $0 > 0 })
        var result = DecodedStream()
        let limits = ReadingLimits(wallClock: wallClock)
        let container = ContainerDecoder()
        var decoder: ReadingDecoder?
        var batch = DecodedBatch()
        func collect() {
            guard !result.members.isEmpty else { return }
            result.members[result.members.count - 1].readings += batch.readings
            result.members[result.members.count - 1].rejections += batch.rejections
            result.members[result.members.count - 1].unknownKinds += batch.unknownKinds
            batch.removeAll()
        }
        func handle(_ event: ContainerEvent) {
            switch event {
            case .memberStarted(let member):
                result.members.append(MemberResult(member: member))
                decoder = ReadingDecoder(limits: limits)
            case .data(let data):
                decoder?.feed(data, into: &batch)
                collect()
            case .memberEnded:
                decoder?.finish(into: &batch)
                result.members[result.members.count - 1].encoding = decoder?.encoding
                collect()
                decoder = nil
            case .damaged(let damage):
                result.damages.append(damage)
            }
        }
        bytes.withUnsafeBytes { all in
            var start = 0
            var turn = 0
            while start < all.count {
                let end = min(all.count, start + chunkSizes[turn % chunkSizes.count])
                container.feed(UnsafeRawBufferPointer(rebasing: all[start..<end]), handle)
                start = end
                turn += 1
            }
        }
        container.finish(handle)
        result.format = container.format
        return result
    }
}
