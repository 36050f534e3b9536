/// Numbers the devices a batch meets, 0, 1, 2, … in order of first sight, so per-device
/// state can live in an array. The last device is remembered: streams come in runs of
/// one device's readings, so most lookups skip the hash.
public struct DeviceSlots: Sendable {
    @usableFromInline var index: [DeviceSerial: Int] = [:]
    @usableFromInline var last: (serial: DeviceSerial, slot: Int)?

    public init() {}

    /// Number of devices numbered.
    public var count: Int { index.count }

    /// The slot of `serial`; a serial not seen before gets the next one (`isNew`), and
    /// the caller appends its state.
    @inlinable
    public mutating func slot(for serial: DeviceSerial) -> (slot: Int, isNew: Bool) {
        if let last, last.serial == serial { return (last.slot, false) }
        var isNew = false
        let slot: Int
        if let found = index[serial] {
            slot = found
        } else {
            slot = index.count
            index[serial] = slot
            isNew = true
        }
        last = (serial, slot)
        return (slot, isNew)
    }
}
