/// An ingested stream as the store keeps it (alerts.md, "Evidence"): its identity, what
/// its ingest counted, which devices' readings it holds, and its quarantine: where each
/// rejected record, conflict and damaged range is in it, and why.
public struct StreamRecord: Sendable, Equatable {
    public var sha256: String
    /// The name it was given on the command line.
    public var name: String
    public var byteCount: Int
    /// `gzip`, `zlib`, `plain`, or `empty`.
    public var container: String
    public var members: Int
    /// The ingest's counters by name (`accepted`, `duplicates`, …, `rejected.crc`, …).
    public var counters: [String: Int]
    public var devices: [Device]
    public var quarantine: [Quarantined]

    public init(sha256: String, name: String, byteCount: Int, container: String, members: Int,
                counters: [String: Int], devices: [Device], quarantine: [Quarantined]) {
        self.sha256 = sha256
        self.name = name
        self.byteCount = byteCount
        self.container = container
        self.members = members
        self.counters = counters
        self.devices = devices
        self.quarantine = quarantine
    }

    /// One device's readings in the stream: all it holds, and the `seq` range of those
    /// its batch took in (nil when it repeated only readings already taken in).
    public struct Device: Sendable, Equatable {
        public var serial: String
        public var firstSeq: Int64
        public var lastSeq: Int64
        public var firstTime: Int64
        public var lastTime: Int64
        public var readings: Int
        public var accepted: ClosedRange<Int64>?

        public init(serial: String, firstSeq: Int64, lastSeq: Int64, firstTime: Int64, lastTime: Int64, readings: Int,
                    accepted: ClosedRange<Int64>?) {
            self.serial = serial
            self.firstSeq = firstSeq
            self.lastSeq = lastSeq
            self.firstTime = firstTime
            self.lastTime = lastTime
            self.readings = readings
            self.accepted = accepted
        }
    }

    /// Something of the stream not taken in, and where.
    public struct Quarantined: Sendable, Equatable {
        /// The member (0-based), nil for bytes between members.
        public var member: Int?
        public var offset: Int
        public var length: Int
        /// `rejected.<reason>`, `conflict` or `damaged.<kind>`.
        public var kind: String
        public var detail: String

        public init(member: Int?, offset: Int, length: Int, kind: String, detail: String) {
            self.member = member
            self.offset = offset
            self.length = length
            self.kind = kind
            self.detail = detail
        }
    }
}
