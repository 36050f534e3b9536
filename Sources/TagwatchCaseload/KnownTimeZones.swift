import Foundation

/// The IANA time zones this system knows, listed once per process: Foundation builds the
/// list afresh on every call, and a caseload asks once per subject (1,650 times for a
/// large centre, which cost more than reading the rest of the document).
enum KnownTimeZones {
    static let identifiers: Set<String> = Set(TimeZone.knownTimeZoneIdentifiers)

    static func contains(_ identifier: String) -> Bool {
        identifiers.contains(identifier)
    }
}
