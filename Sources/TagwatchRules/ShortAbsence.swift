import TagwatchCore

/// An absence inside a curfew interval no longer than the grace, settled (the subject came
/// back, or the interval closed): it raises no alert but is counted in the order's
/// compliance summary (rules.md, "Curfew orders"). The same readings always give the
/// same one, keyed by device and start, so a replay adds none.
public struct ShortAbsence: Sendable, Equatable {
    public var order: String
    public var subject: String
    public var device: DeviceSerial
    public var start: Int64
    public var end: Int64

    public init(order: String, subject: String, device: DeviceSerial, start: Int64, end: Int64) {
        self.order = order
        self.subject = subject
        self.device = device
        self.start = start
        self.end = end
    }
}
