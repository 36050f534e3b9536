/// Numbers the devices a batch meets, 0, 1, 2, … in order of first sight, so per-device
/// state can live in an array. The last two devices are remembered: an upload is a run
/// of one unit's readings, its tag's and home unit's interleaved, so most lookups skip
/// the hash.
public struct DeviceSlots: Sendable {
    @usableFromInline var index: [DeviceSerial: Int] = [:]
    // Plain fields, not optional tuples: this runs for every reading, and unwrapping an
    // optional tuple copied it whole (about 70 instructions a lookup, 7 now).
    @usableFromInline var lastSerial = DeviceSerial.none
    @usableFromInline var lastSlot = 0
    @usableFromInline var previousSerial = DeviceSerial.none
    @usableFromInline var previousSlot = 0

    public init() {}

    /// Number of devices numbered.
    public var count: Int { index.count }

    /// The slot of `serial`; a serial not seen before gets the next one (`isNew`), and
    /// the caller appends its state.
    @inlinable
    public mutating func slot(for serial: DeviceSerial) -> (slot: Int, isNew: Bool) {
        if lastSerial == serial { return (lastSlot, false) }
        if previousSerial == serial {
            swap(&lastSerial, &previousSerial)
            swap(&lastSlot, &previousSlot)
            return (lastSlot, false)
        }
        var isNew = false
        let slot: Int
        if let found = index[serial] {
            slot = found
        } else {
            slot = index.count
            index[serial] = slot
            isNew = true
        }
        previousSerial = lastSerial
        previousSlot = lastSlot
        lastSerial = serial
        lastSlot = slot
        return (slot, isNew)
    }
}
