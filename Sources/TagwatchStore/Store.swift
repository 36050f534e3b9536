import Foundation
import GRDB

/// The SQLite store (GRDB, WAL): the caseload, each device's rule state, the watermark,
/// and alerts with their history. One batch's outcome commits in one transaction, so a
/// crash leaves the store as it was before the batch or after it, never between.
public final class Store: Sendable {
    let database: DatabasePool
    /// The file the store lives in.
    public let path: String

    /// Opens (creating if need be) the store at `path` and brings its schema up to date.
    public init(path: String) throws(StoreError) {
        self.path = path
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            database = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(database)
        } catch {
            throw StoreError(.unavailable, "cannot open the store at \(path): \(error)",
                             context: ["path": path], advice: "check the path (--db) is a writable file, not a folder")
        }
    }

    /// Runs `body` in one write transaction, turning database errors into ``StoreError``.
    func write<T>(_ what: String, _ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try database.write(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.failed, "could not \(what): \(error)", context: ["path": path])
        }
    }

    func read<T>(_ what: String, _ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try database.read(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.failed, "could not \(what): \(error)", context: ["path": path])
        }
    }
}
