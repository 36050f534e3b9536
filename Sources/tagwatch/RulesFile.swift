import ArgumentParser
import Foundation
import TagwatchRules

/// A rules file: JSON with any of ``RulesConfiguration``'s keys; the rest keep the
/// spec's defaults.
enum RulesFile {
    static func read(_ path: String) throws -> RulesConfiguration {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CleanExit.message("error: cannot read the rules file \(path): \(error.localizedDescription). Nothing was ingested.", code: 1)
        }
        do {
            return try JSONDecoder().decode(RulesConfiguration.self, from: data)
        } catch let invalid as RulesConfiguration.Invalid {
            throw CleanExit.message("error: the rules file \(path): \(invalid). Nothing was ingested.", code: 1)
        } catch {
            throw CleanExit.message("error: the rules file \(path) is not a JSON object of rules settings. Nothing was ingested.", code: 1)
        }
    }
}
