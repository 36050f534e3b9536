/// Which alerts to list (alerts.md, `tagwatch alerts`): every criterion given must hold.
public struct AlertFilter: Sendable, Equatable {
    public var status: StatusFilter = .all
    public var type: String?
    public var severity: String?
    public var subject: String?
    public var officer: String?

    public init(status: StatusFilter = .all, type: String? = nil, severity: String? = nil,
                subject: String? = nil, officer: String? = nil) {
        self.status = status
        self.type = type
        self.severity = severity
        self.subject = subject
        self.officer = officer
    }

    /// The SQL condition and its arguments, in that order.
    var condition: (sql: String, arguments: [String]) {
        var terms: [String] = []
        var arguments: [String] = []
        if status != .all {
            terms.append("status = ?")
            arguments.append(status.rawValue)
        }
        for (column, value) in [("type", type), ("severity", severity), ("subject", subject), ("officer", officer)] {
            guard let value else { continue }
            terms.append("\(column) = ?")
            arguments.append(value)
        }
        return (terms.isEmpty ? "" : "WHERE " + terms.joined(separator: " AND "), arguments)
    }
}

/// Which alerts to list, by status.
public enum StatusFilter: String, Sendable, CaseIterable {
    case open, acknowledged, resolved, all
}
