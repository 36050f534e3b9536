import TagwatchCaseload

/// The summary as the webhook body carries it (alerts.md, "The follow-up worker"):
/// camelCase keys, times in RFC 3339 UTC and alert ids as strings, as alerts are
/// listed; absent values are `null`, never left out.
extension ComplianceSummary: Codable {
    enum CodingKeys: String, CodingKey {
        case order, subject, orderType, timeZone, orderStart, orderEnd, asOf, daysMonitored
        case daysWithoutEpisode, percentWithoutEpisode, curfew, episodesByType, latestEpisode, openAlerts
    }

    enum OpenKeys: String, CodingKey { case count, ids }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(order, forKey: .order)
        try container.encode(subject, forKey: .subject)
        try container.encode(orderType, forKey: .orderType)
        try container.encode(timeZone, forKey: .timeZone)
        try container.encode(Instant.rfc3339(orderStart), forKey: .orderStart)
        try container.encode(Instant.rfc3339(orderEnd), forKey: .orderEnd)
        try container.encode(Instant.rfc3339(asOf), forKey: .asOf)
        try container.encode(daysMonitored, forKey: .daysMonitored)
        try container.encode(daysWithoutEpisode, forKey: .daysWithoutEpisode)
        try container.encode(percentWithoutEpisode, forKey: .percentWithoutEpisode)
        try container.encode(curfew, forKey: .curfew)
        try container.encode(episodesByType, forKey: .episodesByType)
        try container.encode(latestEpisode, forKey: .latestEpisode)
        var open = container.nestedContainer(keyedBy: OpenKeys.self, forKey: .openAlerts)
        try open.encode(openAlerts.count, forKey: .count)
        try open.encode(openAlerts.map(String.init), forKey: .ids)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        order = try container.decode(String.self, forKey: .order)
        subject = try container.decode(String.self, forKey: .subject)
        orderType = try container.decode(OrderType.self, forKey: .orderType)
        timeZone = try container.decode(String.self, forKey: .timeZone)
        orderStart = try container.decodeInstant(forKey: .orderStart)
        orderEnd = try container.decodeInstant(forKey: .orderEnd)
        asOf = try container.decodeInstant(forKey: .asOf)
        daysMonitored = try container.decode(Int.self, forKey: .daysMonitored)
        daysWithoutEpisode = try container.decode(Int.self, forKey: .daysWithoutEpisode)
        percentWithoutEpisode = try container.decode(Double?.self, forKey: .percentWithoutEpisode)
        curfew = try container.decode(CurfewTime?.self, forKey: .curfew)
        episodesByType = try container.decode([String: Int].self, forKey: .episodesByType)
        latestEpisode = try container.decode(Episode?.self, forKey: .latestEpisode)
        let open = try container.nestedContainer(keyedBy: OpenKeys.self, forKey: .openAlerts)
        openAlerts = try open.decodeIdentifiers(forKey: .ids)
    }
}

extension ComplianceSummary.Episode: Codable {
    enum CodingKeys: String, CodingKey { case id, type, start, end, severity }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(String(id), forKey: .id)
        try container.encode(type, forKey: .type)
        try container.encode(Instant.rfc3339(start), forKey: .start)
        try container.encode(end.map(Instant.rfc3339), forKey: .end)
        try container.encode(severity, forKey: .severity)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIdentifier(forKey: .id)
        type = try container.decode(String.self, forKey: .type)
        start = try container.decodeInstant(forKey: .start)
        end = try container.decodeNil(forKey: .end) ? nil : try container.decodeInstant(forKey: .end)
        severity = try container.decode(String.self, forKey: .severity)
    }
}

fileprivate extension KeyedDecodingContainer {
    /// An RFC 3339 time, as milliseconds since the epoch.
    func decodeInstant(forKey key: Key) throws -> Int64 {
        let text = try decode(String.self, forKey: key)
        guard let instant = Instant.milliseconds(rfc3339: text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "not an RFC 3339 time: \(text)")
        }
        return instant
    }

    /// An alert id, written as a string.
    func decodeIdentifier(forKey key: Key) throws -> Int64 {
        try identifier(try decode(String.self, forKey: key), key)
    }

    func decodeIdentifiers(forKey key: Key) throws -> [Int64] {
        try decode([String].self, forKey: key).map { try identifier($0, key) }
    }

    private func identifier(_ text: String, _ key: Key) throws -> Int64 {
        guard let id = Int64(text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "not an alert id: \(text)")
        }
        return id
    }
}
