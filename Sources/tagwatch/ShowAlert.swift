import ArgumentParser
import Foundation
import TagwatchCaseload
import TagwatchCore
import TagwatchIngest
import TagwatchStore

/// `tagwatch alerts show ID`: the alert, its evidence, its history and the readings
/// around its episode read back from the kept streams.
struct ShowAlert: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show an alert: its details, evidence, history and the readings around it.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The alert's id.") var id: Int64
    @Option(help: "Output format: text or json.") var format: ReviewFormat = .text

    func run() throws {
        let alert: StoredAlert
        let episode: EpisodeReadings?
        do {
            let opened = try StoreOptions.openExisting(store.path)
            guard let found = try opened.alert(id: id) else {
                throw CleanExit.message("error: there is no alert \(id) (list them with `tagwatch alerts`).", code: 1)
            }
            alert = found
            // An alert the worker raised (a transition, a failed delivery) rests on no readings.
            episode = try alert.device.map { try EpisodeReadings(alert: alert, serial: $0, store: opened) }
        } catch let error as StoreError {
            throw CleanExit.message("error: \(error.description).", code: 1)
        } catch let error as ByteSource.Failure {
            throw CleanExit.message("error: \(error.description).", code: 1)
        }
        switch format {
        case .json:
            print(AlertJSON.text(Shown(alert: alert, readings: episode?.readings ?? [], missingStreams: episode?.missing ?? [],
                                       alteredStreams: episode?.altered ?? [])))
        case .text:
            print(AlertReport(alert: alert).render(), terminator: "")
            guard let episode, let device = alert.device else { return }
            print("Readings of \(device), \(Instant.rfc3339(episode.window.from)) to \(Instant.rfc3339(episode.window.to)):")
            for line in EpisodeChart(readings: episode.readings, alert: (alert.type, alert.start, alert.end)).render() { print(line) }
            if !episode.altered.isEmpty {
                print("  WARNING: \(episode.altered.count) kept stream\(episode.altered.count == 1 ? " no longer has" : "s no longer have") the SHA-256 it is named by: changed since it was kept, its readings are not shown: \(episode.altered.joined(separator: ", "))")
            }
            if !episode.missing.isEmpty {
                print("  \(episode.missing.count) stream\(episode.missing.count == 1 ? " is" : "s are") no longer in the evidence folder (purged?): \(episode.missing.joined(separator: ", "))")
            }
        }
    }
}

/// `alerts show --format json`: the alert as listed, with the readings around it.
private struct Shown: Encodable {
    let alert: StoredAlert
    let readings: [Reading]
    let missingStreams: [String]
    let alteredStreams: [String]

    func encode(to encoder: Encoder) throws {
        try alert.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(readings, forKey: .readings)
        try container.encode(missingStreams, forKey: .missingStreams)
        try container.encode(alteredStreams, forKey: .alteredStreams)
    }

    enum Keys: String, CodingKey { case readings, missingStreams, alteredStreams }
}
