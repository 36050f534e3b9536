/// Who a prompt is for (alerts.md, "Who gets a prompt of its own"): a subject's
/// probation officer, or the monitoring centre's duty contact.
public enum PromptRecipient: Hashable, Sendable, CustomStringConvertible {
    case officer(String)
    case centre

    /// As the outbox stores it: `officer:PO-17` or `centre`.
    public var description: String {
        switch self {
        case .officer(let id): "officer:\(id)"
        case .centre: "centre"
        }
    }

    /// The officer's id; nil for the centre.
    public var officer: String? {
        if case .officer(let id) = self { return id }
        return nil
    }

    public init?(_ stored: String) {
        if stored == "centre" {
            self = .centre
        } else if stored.hasPrefix("officer:"), stored.count > 8 {
            self = .officer(String(stored.dropFirst(8)))
        } else {
            return nil
        }
    }
}

/// Why a prompt is sent: the body's `event` (alerts.md, "Channels").
public enum FollowUpEvent: String, Sendable, CaseIterable {
    case opened
    case confirmed
    case escalated
    case transition
    case summary
    case deliveryFailed = "delivery_failed"
}
