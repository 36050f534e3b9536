import Foundation
import TagwatchCaseload
import TagwatchStore

extension FollowUpWorker {
    /// Turns each owed prompt into one delivery per channel its recipient has in the
    /// caseload, written for a person and rendered once, so every retry sends the same
    /// bytes (alerts.md, "Channels"). Returns the deliveries queued.
    func queueOwed(_ caseload: Caseload, now: Int64) throws(StoreError) -> Int {
        var queued = 0
        while true {
            let owed = try store.owedNotifications(limit: 200)
            if owed.isEmpty { return queued }
            for notification in owed {
                do {
                    let deliveries = try deliveries(of: notification, caseload: caseload)
                    queued += try store.expand(notification, into: deliveries, at: now)
                } catch where error.code == .corrupt {
                    // One prompt that cannot be written out must not hold up the others:
                    // it is set aside, and the centre told.
                    try store.expand(notification, into: [], at: now, because: "it could not be written out: \(error.message)")
                }
            }
        }
    }

    private func deliveries(of notification: OwedNotification, caseload: Caseload) throws(StoreError) -> [QueuedDelivery] {
        let (name, notify): (String, Notify)
        switch notification.recipient {
        case .officer(let id):
            guard let officer = caseload.officers.first(where: { $0.id == id }) else { return [] }
            (name, notify) = (officer.name, officer.notify)
        case .centre:
            guard let centre = caseload.centre else { return [] }
            (name, notify) = (centre.name, centre.notify)
        }
        let message = try PromptMessage(notification, store: store, caseload: caseload)
        var deliveries: [QueuedDelivery] = []
        if let url = notify.webhook {
            deliveries.append(QueuedDelivery(key: "\(notification.key).webhook", channel: "webhook", address: url, name: name,
                                             body: message.body, mailSubject: message.prompt.subject, mailText: message.prompt.text))
        }
        if let email = notify.email {
            deliveries.append(QueuedDelivery(key: "\(notification.key).email", channel: "email", address: email, name: name,
                                             body: message.body, mailSubject: message.prompt.subject, mailText: message.prompt.text))
        }
        return deliveries
    }
}
