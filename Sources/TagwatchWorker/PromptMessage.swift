import Foundation
import TagwatchCaseload
import TagwatchStore

/// An owed notification written out: the prompt a person reads (the email, and the
/// text beside the webhook's JSON) and the webhook body, `{"event": …, "alert": {…}}`,
/// or `{"event": "summary", "officer": …, "alerts": […]}` (alerts.md, "Channels").
struct PromptMessage {
    var prompt: Prompt
    var body: Data

    init(_ notification: OwedNotification, store: Store, caseload: Caseload) throws(StoreError) {
        let context = PromptContext(caseload: caseload)
        if notification.event == .summary, case .officer(let id) = notification.recipient,
           let officer = caseload.officers.first(where: { $0.id == id }) {
            let wanted = Set(notification.alerts)
            let alerts = try store.alerts(AlertFilter(officer: id)).filter { wanted.contains($0.id) }
            prompt = Prompt.summary(officer: officer, alerts: alerts, day: notification.createdAt, context: context)
            body = Self.encode(SummaryBody(officer: id, alerts: alerts))
            return
        }
        guard let id = notification.alert, let alert = try store.alert(id: id) else {
            throw StoreError(.corrupt, "notification \(notification.key) names no alert the store holds", context: ["path": store.path])
        }
        var compliance: ComplianceSummary?
        if notification.event == .transition, let order = caseload.orders.first(where: { $0.id == alert.order }) {
            compliance = ComplianceSummary(order: order, caseload: caseload, alerts: try store.alerts(AlertFilter(subject: order.subject)),
                                           shortAbsences: try store.shortAbsences(order: order.id), asOf: alert.raisedAt)
        }
        let event: PromptEvent = switch notification.event {
        case .opened: .opened
        case .confirmed: .confirmed
        case .escalated: .escalated
        case .deliveryFailed: .deliveryFailed
        case .transition, .summary: compliance.map(PromptEvent.transition) ?? .opened
        }
        let audience: PromptAudience = switch notification.recipient {
        case .officer(let id): .officer(id)
        case .centre: .centre
        }
        prompt = Prompt(event: event, alert: alert, context: context, to: audience)
        body = Self.encode(AlertBody(event: notification.event.rawValue, alert: alert, compliance: compliance))
    }

    private struct AlertBody: Encodable {
        var event: String
        var alert: StoredAlert
        var compliance: ComplianceSummary?

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(event, forKey: .event)
            try container.encode(alert, forKey: .alert)
            try container.encodeIfPresent(compliance, forKey: .compliance)
        }

        enum CodingKeys: String, CodingKey { case event, alert, compliance }
    }

    private struct SummaryBody: Encodable {
        var event = "summary"
        var officer: String
        var alerts: [StoredAlert]
    }

    private static func encode(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Alerts and summaries are built from values the store has read back: always encodable.
        return (try? encoder.encode(value)) ?? Data("{}".utf8)
    }
}
