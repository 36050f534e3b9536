import ArgumentParser
import Foundation
import TagwatchRules

/// A rules file: JSON with any of ``RulesConfiguration``'s keys; the rest keep the
/// spec's defaults.
enum RulesFile {
    static func read(_ path: String) throws -> RulesConfiguration {
        do {
            return try JSONDecoder().decode(RulesConfiguration.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw CleanExit.message("error: the rules file \(path) does not read: \(error). Nothing was ingested.", code: 1)
        }
    }
}
