import TagwatchCaseload
import TagwatchCore

/// The rules of rules.md, configured, applied to one device's readings in `seq` order.
/// A class: it is large, and shared by every device's evaluation.
final class RuleSet {
    let configuration: RulesConfiguration
    let drinking: DrinkingRule
    let tamper: TamperRule
    let presence: PresenceRule
    let tagSilence: SilenceRule
    let alcoholSilence: SilenceRule
    let gpsSilence: SilenceRule
    let strap = ConditionRule(type: .tamperStrap)
    let battery = ConditionRule(type: .batteryLow)
    let moved = ConditionRule(type: .hmuMoved)
    let caseOpen = ConditionRule(type: .hmuCaseOpen)
    let powerLoss: ConditionRule

    init(_ configuration: RulesConfiguration) {
        self.configuration = configuration
        drinking = DrinkingRule(configuration: configuration)
        tamper = TamperRule(configuration: configuration)
        presence = PresenceRule(contactTimeout: configuration.contactTimeout)
        tagSilence = SilenceRule(timeout: configuration.contactTimeout)
        let alcohol = Int64(configuration.alcoholSilenceMinutes) * RulesConfiguration.minute
        alcoholSilence = SilenceRule(timeout: alcohol)
        let gps = Int64(configuration.gpsSilenceMinutes) * RulesConfiguration.minute
        gpsSilence = SilenceRule(timeout: gps)
        powerLoss = ConditionRule(type: .hmuPowerLoss, delay: configuration.powerLoss)
    }

    /// One reading of a device under `attribution` (assigned, with an order in force).
    func apply(_ reading: Reading, _ attribution: Attribution, to rules: inout DeviceRules, book: inout AlertBook) {
        let role = attribution.role
        switch reading.payload {
        case .rf(let inRange, _) where role == .tag:
            tagSilence.heard(reading, state: &rules.contact, attribution: attribution, book: &book)
            presence.heard(reading, inRange: inRange, state: &rules.presence, attribution: attribution, book: &book)
        case .tac(let sample) where role == .alcohol:
            drinking.heard(TACPoint(time: reading.time, seq: reading.seq, value: Double(sample.tac)),
                           state: &rules.drinking, attribution: attribution, book: &book)
            tamper.heard(SkinPoint(time: reading.time, seq: reading.seq, ir: sample.ir, temp: sample.temp),
                         state: &rules.tamper, attribution: attribution, book: &book)
        case .strap(let ok):
            strap.observe(!ok, reading: reading, episode: &rules.strap, attribution: attribution, book: &book)
        case .batt(let percent):
            battery.observe(Int(percent) <= configuration.batteryLowPercent, reading: reading, level: percent,
                            episode: &rules.battery, attribution: attribution, book: &book)
        case .hmu(let status):
            moved.observe(status.contains(.moved), reading: reading, episode: &rules.moved, attribution: attribution, book: &book)
            caseOpen.observe(status.contains(.caseOpen), reading: reading, episode: &rules.caseOpen, attribution: attribution, book: &book)
            powerLoss.observe(!status.contains(.onMains), reading: reading, episode: &rules.powerLoss, attribution: attribution, book: &book)
        default:
            break
        }
        switch role {
        case .alcohol: alcoholSilence.heard(reading, state: &rules.contact, attribution: attribution, book: &book)
        case .gps: gpsSilence.heard(reading, state: &rules.contact, attribution: attribution, book: &book)
        case .tag, .hmu: break
        }
    }

    /// A reading while the device is assigned but no order is in force raises nothing new;
    /// it only ends what began under an order (`earlier`): an absence under way ends
    /// where the order ends (curfew intervals are cut to it), and a silence that became
    /// no contact inside the order ends at this reading.
    func applyOutsideOrder(_ reading: Reading, _ attribution: Attribution, earlier: EarlierEpisodes, to rules: inout DeviceRules, book: inout AlertBook) {
        switch attribution.role {
        case .tag:
            guard case .rf(let inRange, _) = reading.payload else { return }
            tagSilence.heard(reading, state: &rules.contact, attribution: earlier.silence, book: &book)
            presence.heard(reading, inRange: inRange, state: &rules.presence, attribution: earlier.away ?? attribution, book: &book)
        case .alcohol:
            alcoholSilence.heard(reading, state: &rules.contact, attribution: earlier.silence, book: &book)
        case .gps:
            gpsSilence.heard(reading, state: &rules.contact, attribution: earlier.silence, book: &book)
        case .hmu:
            break
        }
    }

    /// At the end of a batch: silence after the last reading and an ongoing absence,
    /// against the watermark; outside every order only what began under one.
    func judge(at watermark: Int64, _ attribution: Attribution, earlier: EarlierEpisodes, rules: inout DeviceRules, book: inout AlertBook) {
        guard attribution.inForce else {
            if attribution.role == .tag {
                presence.judge(at: watermark, state: &rules.presence, attribution: earlier.away ?? attribution, book: &book)
            }
            if let silence = silence(for: attribution.role), let under = earlier.silence {
                silence.judge(at: watermark, state: &rules.contact, attribution: under, book: &book)
            }
            return
        }
        if let silence = silence(for: attribution.role) {
            silence.judge(at: watermark, state: &rules.contact, attribution: attribution, book: &book)
        }
        if attribution.role == .tag {
            presence.judge(at: watermark, state: &rules.presence, attribution: attribution, book: &book)
        }
    }

    /// The no-contact rule of a device role; a home unit has none of its own.
    func silence(for role: DeviceRole) -> SilenceRule? {
        switch role {
        case .tag: tagSilence
        case .alcohol: alcoholSilence
        case .gps: gpsSilence
        case .hmu: nil
        }
    }

    /// The end of a late segment: as if the device had a gap after it.
    func endSegment(_ attribution: Attribution, rules: inout DeviceRules, book: inout AlertBook) {
        drinking.endSegment(state: &rules.drinking, attribution: attribution, book: &book)
        presence.finish(state: &rules.presence, attribution: attribution, book: &book)
    }
}

/// Episodes of a device that began while an order was in force, seen from a reading or
/// a watermark outside every order: the attribution each began under, nil when none.
struct EarlierEpisodes {
    var silence: Attribution?
    var away: Attribution?
}
