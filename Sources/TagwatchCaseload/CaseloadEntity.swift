import Foundation

/// One entry of a caseload document as the store keeps it: reloading a document
/// replaces entries by id (caseload.md, "upsert by `id`") and keeps the others.
///
/// Entries are kept as the document wrote them, so the stored caseload is always read
/// back by ``CaseloadReader``, the one place that knows what a valid entry is.
public struct CaseloadEntity: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case centre, officers, subjects, orders, devices, absences
    }

    public var kind: Kind
    /// `id`; for a device assignment, which has none, its serial and start in
    /// milliseconds (`RF-001932@1790863200000`); `centre` for the centre.
    public var id: String
    /// The entry's JSON object, as the document wrote it.
    public var json: Data

    public init(kind: Kind, id: String, json: Data) {
        self.kind = kind
        self.id = id
        self.json = json
    }
}

/// Merging a caseload document into the caseload already kept.
public enum CaseloadMerge {
    /// The entries of `document` that carry an id, in document order; nil when it is not
    /// a JSON object.
    public static func entities(of document: Data) -> [CaseloadEntity]? {
        guard let root = try? JSONSerialization.jsonObject(with: document) as? [String: Any] else { return nil }
        var entities: [CaseloadEntity] = []
        if let centre = root["centre"] as? [String: Any], let json = encoded(centre) {
            entities.append(CaseloadEntity(kind: .centre, id: "centre", json: json))
        }
        for kind in CaseloadEntity.Kind.allCases where kind != .centre {
            for case let entry as [String: Any] in root[kind.rawValue] as? [Any] ?? [] {
                if let id = id(of: entry, kind), let json = encoded(entry) {
                    entities.append(CaseloadEntity(kind: kind, id: id, json: json))
                }
            }
        }
        return entities
    }

    /// `document` with the kept entries it does not replace added after its own, so that
    /// problems in its entries keep their JSON paths. A document that is not a JSON
    /// object comes back as it is, for ``CaseloadReader`` to say so.
    public static func document(_ document: Data, over kept: [CaseloadEntity]) -> Data {
        guard var root = try? JSONSerialization.jsonObject(with: document) as? [String: Any] else { return document }
        let replaced = Set((entities(of: document) ?? []).map { "\($0.kind.rawValue)/\($0.id)" })
        var added: [String: [Any]] = [:]
        for entity in kept where !replaced.contains("\(entity.kind.rawValue)/\(entity.id)") {
            guard let object = try? JSONSerialization.jsonObject(with: entity.json) else { continue }
            if entity.kind == .centre {
                root["centre"] = root["centre"] ?? object
            } else {
                added[entity.kind.rawValue, default: []].append(object)
            }
        }
        // A list the document wrote wrongly (not a list) stays as written, to be reported.
        for (kind, objects) in added where root[kind] == nil || root[kind] is [Any] {
            root[kind] = (root[kind] as? [Any] ?? []) + objects
        }
        for kind in CaseloadEntity.Kind.allCases where kind != .centre && kind != .absences {
            if root[kind.rawValue] == nil { root[kind.rawValue] = [Any]() }
        }
        return (try? JSONSerialization.data(withJSONObject: root, options: [.sortedKeys])) ?? Data()
    }

    static func id(of entry: [String: Any], _ kind: CaseloadEntity.Kind) -> String? {
        if kind == .devices {
            guard let serial = entry["serial"] as? String, let from = entry["from"] as? String,
                  let start = Instant.milliseconds(rfc3339: from) else { return nil }
            return "\(serial)@\(start)"
        }
        return entry["id"] as? String
    }

    private static func encoded(_ object: [String: Any]) -> Data? {
        try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }
}
