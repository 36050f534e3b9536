import TagwatchRules

/// How long an alert may go unacknowledged after `raisedAt` before it is escalated to
/// the centre's duty contact (alerts.md, "Escalation"): critical 15 min, high 1 h,
/// medium 24 h; a low one never is.
public enum AcknowledgementDeadline {
    public static func minutes(for severity: AlertSeverity) -> Int64? {
        switch severity {
        case .critical: 15
        case .high: 60
        case .medium: 24 * 60
        case .low: nil
        }
    }
}
