import GRDB
import TagwatchCaseload

extension Store {
    /// The absences under the grace settled in `order` (rules.md: counted in the
    /// compliance summary), oldest first.
    public func shortAbsences(order: String) throws(StoreError) -> [TimeSpan] {
        try read("read the short absences of \(order)") { db in
            try Row.fetchAll(db, sql: "SELECT start, \"end\" FROM shortAbsence WHERE orderId = ? ORDER BY start",
                             arguments: [order]).map { TimeSpan($0["start"], $0["end"]) }
        }
    }
}
