import TagwatchCaseload
import TagwatchRules
@testable import TagwatchStore
import TagwatchWorker

/// A random alert of any type the prompts know, with random figures, names, devices,
/// zones and event, and the figures its prompt must show, formatted here from their
/// integers, independently of the code under test.
enum RandomPrompt {
    struct Case: Sendable {
        var alert: StoredAlert
        var event: PromptEvent
        var context: PromptContext
        var expected: [String]
    }

    static let kinds = [
        "alcohol.drinking/pending", "alcohol.drinking/confirmed", "alcohol.drinking/unconfirmed", "tamper.removal",
        "tamper.obstruction", "tamper.strap", "curfew.absence/late", "curfew.absence/early", "curfew.absence/during",
        "curfew.absence/whole", "hmu.moved", "hmu.case_open", "hmu.power_loss", "device.battery_low", "device.no_contact",
        "device.data_gap", "device.unassigned", "transition.order_ending", "transition.order_ended", "system.delivery_failed",
    ]

    static let zones: [String?] = ["Europe/London", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham", "UTC", nil]
    /// Those a caseload accepts (Foundation's list, which the caseload checks against,
    /// lacks `Asia/Kolkata` and `UTC`).
    static let subjectZones = zones.compactMap { $0 }.filter { LocalClock(timeZone: $0) != nil }

    /// `k / 10^4` to 3 decimals, half up: 1064 is `0.106`, 1065 is `0.107`.
    static func thousandths(_ k: Int64) -> String {
        let rounded = (k + 5) / 10
        return "\(rounded / 1000)." + String(String(rounded % 1000 + 1000).dropFirst())
    }

    /// `k / 10^4` to 1 decimal, half up.
    static func tenths(_ k: Int64) -> String {
        let rounded = (k + 500) / 1000
        return "\(rounded / 10).\(rounded % 10)"
    }

    static func word(_ rng: inout some RandomNumberGenerator, _ letters: ClosedRange<Int> = 1...12) -> String {
        String((0..<Int.random(in: letters, using: &rng)).map { _ in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".randomElement(using: &rng)! })
    }

    static func words(_ rng: inout some RandomNumberGenerator, _ count: ClosedRange<Int>) -> String {
        (0..<Int.random(in: count, using: &rng)).map { _ in word(&rng) }.joined(separator: " ")
    }

    static func make(_ rng: inout some RandomNumberGenerator) -> Case {
        let kind = kinds.randomElement(using: &rng)!
        let type = String(kind.split(separator: "/")[0])
        let variant = kind.split(separator: "/").dropFirst().first.map(String.init)
        let start = Int64.random(in: 1_577_836_800_000...2_051_222_400_000, using: &rng)
        let end: Int64? = Bool.random(using: &rng) ? start + Int64.random(in: 0...(40 * 86_400_000), using: &rng) : nil
        let serial = "D" + String((0..<Int.random(in: 0...31, using: &rng)).map { _ in "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-".randomElement(using: &rng)! })
        let named = Bool.random(using: &rng)
        let subject = Subject(id: "S-" + word(&rng, 1...8), officer: "PO-" + word(&rng, 1...6), risk: .medium,
                              timezone: subjectZones.randomElement(using: &rng)!, name: named ? words(&rng, 1...6) : nil)
        let officer = Officer(id: subject.officer, name: words(&rng, 1...5))
        let context = PromptContext(centre: Centre(name: words(&rng, 1...6), notify: Notify()), officers: [officer], subjects: [subject],
                                    timeZone: zones.randomElement(using: &rng)!)
        let who = subject.name ?? subject.id
        var details: [String: AlertDetail] = [:]
        var expected: [String] = []
        var event: PromptEvent = [.opened, .confirmed, .escalated].randomElement(using: &rng)!
        func integer(_ key: String, _ range: ClosedRange<Int64>) -> Int64 {
            let value = Int64.random(in: range, using: &rng)
            details[key] = .integer(value)
            return value
        }
        func fourPlaces(_ key: String, _ range: ClosedRange<Int64>) -> Int64 {
            let value = Int64.random(in: range, using: &rng)
            details[key] = .number(Double(value) / 10_000)
            return value
        }
        switch type {
        case "alcohol.drinking":
            details["classification"] = .text(variant!)
            details["peakAt"] = .time(start + 3_600_000)
            expected.append("peaked at \(thousandths(fourPlaces("peakTAC", 100...6000))) g/dL")
            expected.append("\(integer("readings", 3...400)) readings over \(tenths(fourPlaces("durationHours", 0...500_000))) h")
            expected.append("rose towards the peak at \(thousandths(fourPlaces("absorptionRate", 0...3000))) g/dL per hour")
            if variant != "pending" {
                expected.append("fell at \(thousandths(fourPlaces("eliminationRate", 0...3000))) g/dL per hour")
            }
        case "tamper.removal", "tamper.obstruction":
            expected.append("\(integer("readingsOffSkin", 4...500)) readings in a row")
            expected.append("\(integer("coldReadings", 0...4)) of the first 4 were colder than 24.0 °C")
            let baseline = Int64.random(in: 0...4000, using: &rng)
            details["baselineIR"] = .number(Double(baseline) / 1000)
            expected.append("baseline of \(baseline / 1000).\(String(String(baseline % 1000 + 1000).dropFirst())) V")
        case "curfew.absence":
            details["pattern"] = .text(variant!)
            details["curfewFrom"] = .time(start)
            details["curfewTo"] = .time(start + 12 * 3_600_000)
            expected.append("for \(integer("minutesAbsent", 6...1_000_000)) min within the curfew interval")
            expected.append("(pattern: \(variant!))")
        case "hmu.power_loss":
            expected.append("off mains power for \(integer("minutesOffMains", 31...1_000_000)) min")
        case "device.battery_low":
            expected.append("battery at \(integer("lowestPercent", 0...15)) % at its lowest")
        case "device.no_contact":
            expected.append("for \(integer("silentMinutes", 16...1_000_000)) min after its reading")
            let unverified = integer("curfewMinutesUnverified", 0...1000)
            expected.append(unverified > 0 ? "\(unverified) min of that silence fell in curfew time" : "None of that silence fell in curfew time.")
            expected.append("not that \(who) was absent")
        case "device.data_gap":
            let first = integer("firstSeqLost", 1...4_000_000_000)
            let last = integer("lastSeqLost", first...(first + 10_000))
            expected.append("\(integer("readingsLost", 1...10_001)) readings of \(serial) never arrived (seq \(first) to \(last))")
        case "device.unassigned":
            details["lastHeard"] = .time(start + 600_000)
            expected.append("sent \(integer("readings", 1...100_000)) readings while assigned to no one")
        case "transition.order_ending", "transition.order_ended":
            let order = Order(id: "O-" + word(&rng), subject: subject.id, type: .curfew, start: start - 90 * 86_400_000, end: start)
            var summary = ComplianceSummary(order: order, caseload: Caseload(officers: [officer], subjects: [subject], orders: [order], devices: []),
                                            alerts: [], asOf: start)!
            summary.daysMonitored = Int.random(in: 1...2000, using: &rng)
            summary.daysWithoutEpisode = Int.random(in: 0...summary.daysMonitored, using: &rng)
            let tenths = (Double(summary.daysWithoutEpisode * 1000) / Double(summary.daysMonitored)).rounded()
            summary.percentWithoutEpisode = tenths / 10
            let kept = Int64.random(in: 0...100_000, using: &rng)
            summary.curfew = ComplianceSummary.CurfewTime(scheduledMinutes: kept + 30, keptMinutes: kept, absentMinutes: 30, unverifiedMinutes: 0)
            func hours(_ minutes: Int64) -> String {
                let tenths = (minutes * 10 + 30) / 60
                return "\(tenths / 10).\(tenths % 10) h"
            }
            expected.append("Curfew: \(hours(kept)) kept of \(hours(kept + 30)) scheduled")
            event = .transition(summary)
            expected.append("Over \(summary.daysMonitored) day\(summary.daysMonitored == 1 ? "" : "s") monitored,"
                + " \(summary.daysWithoutEpisode) day\(summary.daysWithoutEpisode == 1 ? "" : "s")"
                + " (\(Int(tenths) / 10).\(Int(tenths) % 10) %) had no confirmed alcohol or tamper episode.")
            expected.append("This is a prompt to talk about support after the order ends, not a decision.")
        case "system.delivery_failed":
            event = .deliveryFailed
            details["event"] = .text("opened")
            details["recipient"] = .text(officer.id)
            details["channel"] = .text("email")
            let error = words(&rng, 1...30)
            details["lastError"] = .text(error)
            expected.append("after \(integer("attempts", 20...20)) attempts")
            expected.append("The last attempt ended with: \(error).")
            expected.append("tagwatch alerts show \(integer("alert", 1...1_000_000))")
        default:
            break
        }
        let alert = StoredAlert(
            id: Int64.random(in: 1...1_000_000_000_000, using: &rng), type: type,
            severity: ["low", "medium", "high", "critical"].randomElement(using: &rng)!, status: "open",
            escalated: Bool.random(using: &rng), subject: type == "device.unassigned" ? nil : subject.id, order: "O-1",
            device: serial, officer: type == "device.unassigned" ? nil : officer.id, start: start, end: end,
            openedAt: start, raisedAt: start + 60_000, details: details, firstSeq: 7, lastSeq: 9,
            streams: (0..<Int.random(in: 0...4, using: &rng)).map { _ in String((0..<64).map { _ in "0123456789abcdef".randomElement(using: &rng)! }) },
            history: [])
        return Case(alert: alert, event: event, context: context, expected: expected)
    }
}
