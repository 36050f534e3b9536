import TagwatchCore

/// What to generate.
public struct SampleConfiguration: Sendable {
    /// Subjects on curfew orders (each with a tag and a home unit).
    public var curfewSubjects = 14
    /// Subjects on sobriety orders (each with an alcohol tag).
    public var sobrietySubjects = 6
    public var days = 3
    public var seed: UInt64 = 1
    /// Midnight UTC of the first day, in milliseconds.
    public var start = SampleTime.defaultStart
    /// The encoding of each unit's uploads; nil alternates by unit (gateway files then
    /// hold members of both).
    public var encoding: RecordEncoding?
    /// Inject the scenarios (violations and near misses); off for plain load data.
    public var injectScenarios = true
    /// Add uploads from a serial no caseload assigns (`device.unassigned`).
    public var includeUnassignedDevice = true

    public init() {}
}

/// A serial made of a prefix and a number (`RF-001932`).
func serial(_ prefix: String, _ number: Int) -> DeviceSerial {
    let digits = String(number)
    guard let serial = DeviceSerial(prefix + String(repeating: "0", count: max(0, 6 - digits.count)) + digits) else {
        preconditionFailure("generated serial is invalid")
    }
    return serial
}
