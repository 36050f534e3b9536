import TagwatchCaseload
import TagwatchRules
import TagwatchStore

extension FollowUpWorker {
    /// Raises every transition point due and not yet raised, each with its order's
    /// compliance summary as it stands now (rules.md, "Transition points").
    func raiseTransitions(_ caseload: Caseload, now: Int64) throws(StoreError) -> Int {
        let due = TransitionSchedule.due(in: caseload, at: now, raised: try store.raisedTransitionPoints())
        var raised = 0
        for point in due {
            guard let order = caseload.orders.first(where: { $0.id == point.order }),
                  let subject = caseload.subjects.first(where: { $0.id == order.subject })
            else { continue }
            let alerts = try store.alerts(AlertFilter(subject: subject.id))
            guard let summary = ComplianceSummary(order: order, caseload: caseload, alerts: alerts,
                                                  shortAbsences: try store.shortAbsences(order: order.id), asOf: now) else { continue }
            var details = summary.details
            details["daysLeft"] = .integer(Int64(point.daysLeft))
            let transition = TransitionAlert(type: point.type, point: point.point, subject: subject.id, order: order.id,
                                             officer: subject.officer, due: point.due, details: details)
            if try store.raise(transition, at: now) { raised += 1 }
        }
        return raised
    }
}
