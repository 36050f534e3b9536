/// What a ``ContainerDecoder`` reports while it reads, in order.
public enum ContainerEvent {
    /// A member begins: a gzip member, the one zlib stream, or the whole plain input.
    /// Its bytes are a stream of their own, with their own encoding (streams.md §1).
    case memberStarted(Member)
    /// Decompressed bytes of the current member; valid only during the call.
    case data(UnsafeRawBufferPointer)
    /// The current member ended, whole or not (its damage is reported after, once the
    /// reader knows where it goes on and so what the damage cost).
    case memberEnded(Member)
    /// A damaged or unreadable range.
    case damaged(ContainerDamage)
}

/// One member of a container.
public struct Member: Sendable, Equatable {
    /// 0-based position among the container's members.
    public var index: Int
    /// Offset of its first byte in the compressed input.
    public var offset: Int
    public var format: ContainerFormat

    public init(index: Int, offset: Int, format: ContainerFormat) {
        self.index = index
        self.offset = offset
        self.format = format
    }
}
