import TagwatchCaseload
import TagwatchCore

/// Milliseconds since the epoch of an RFC 3339 instant (`2026-11-23T20:00:00Z`).
func at(_ text: String) -> Int64 {
    guard let value = Instant.milliseconds(rfc3339: text) else { preconditionFailure("bad instant \(text)") }
    return value
}

let minute: Int64 = 60_000
let hour: Int64 = 60 * minute

/// The three devices every fixture assigns to its subject.
enum Serial {
    static let tag = DeviceSerial("RF-1")!
    static let hmu = DeviceSerial("HMU-1")!
    static let alcohol = DeviceSerial("TAC-1")!
    /// Assigned to nobody.
    static let stray = DeviceSerial("XX-9")!
}

/// A caseload of one subject (`S-1`, Europe/London, officer `PO-1`) with the orders and
/// authorised absences a test chooses, and `RF-1` (tag), `HMU-1` (hmu) and `TAC-1`
/// (alcohol) assigned to them.
struct RulesFixture {
    var risk: Risk = .medium
    /// Windows of a curfew order; nil for no curfew order.
    var curfew: [CurfewWindow]? = [RulesFixture.window("19:00", "07:00")]
    var sobriety = false
    var orderStart = at("2026-10-01T00:00:00Z")
    var orderEnd = at("2027-06-01T00:00:00Z")
    var graceMinutes = 5
    var absences: [(from: Int64, to: Int64)] = []
    var assignedFrom = at("2026-10-01T00:00:00Z")

    /// A curfew fixture (every day 19:00–07:00 unless told).
    static func curfew(_ windows: [CurfewWindow] = [window("19:00", "07:00")]) -> RulesFixture {
        RulesFixture(curfew: windows)
    }

    /// A sobriety order only.
    static var sobriety: RulesFixture { RulesFixture(curfew: nil, sobriety: true) }

    static func window(_ from: String, _ to: String, days: Set<Weekday> = Set(Weekday.allCases)) -> CurfewWindow {
        CurfewWindow(days: days, from: ClockTime(from)!, to: ClockTime(to)!)
    }

    var caseload: Caseload {
        var orders: [Order] = []
        if let curfew {
            orders.append(Order(id: "O-C", subject: "S-1", type: .curfew, start: orderStart, end: orderEnd,
                                curfew: curfew, graceMinutes: graceMinutes))
        }
        if sobriety {
            orders.append(Order(id: "O-S", subject: "S-1", type: .sobriety, start: orderStart, end: orderEnd))
        }
        return Caseload(
            officers: [Officer(id: "PO-1", name: "P. Officer")],
            subjects: [Subject(id: "S-1", officer: "PO-1", risk: risk, timezone: "Europe/London")],
            orders: orders,
            devices: [
                Assignment(serial: Serial.tag, role: .tag, subject: "S-1", from: assignedFrom),
                Assignment(serial: Serial.hmu, role: .hmu, subject: "S-1", from: assignedFrom),
                Assignment(serial: Serial.alcohol, role: .alcohol, subject: "S-1", from: assignedFrom),
            ],
            absences: absences.enumerated().map { index, absence in
                AuthorisedAbsence(id: "A-\(index)", subject: "S-1", from: absence.from, to: absence.to,
                                  reason: "court", approvedBy: "PO-1")
            })
    }
}
