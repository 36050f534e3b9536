import GRDB

extension Store {
    /// The schema, one migration per change, never edited once released.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: caseload, rule state, alerts") { db in
            try db.create(table: "caseloadEntity") { table in
                table.column("kind", .text).notNull()
                table.column("id", .text).notNull()
                table.column("json", .blob).notNull()
                table.primaryKey(["kind", "id"])
            }
            try db.create(table: "deviceState") { table in
                table.primaryKey("serial", .text)
                table.column("state", .blob).notNull()
            }
            try db.create(table: "setting") { table in
                table.primaryKey("key", .text)
                table.column("value", .any)
            }
            try db.create(table: "alert") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("episodeKey", .text).notNull().unique()
                table.column("type", .text).notNull()
                table.column("severity", .text).notNull()
                table.column("status", .text).notNull().defaults(to: "open")
                table.column("escalated", .boolean).notNull().defaults(to: false)
                table.column("subject", .text)
                table.column("orderId", .text)
                table.column("device", .text).notNull()
                table.column("officer", .text)
                table.column("start", .integer).notNull()
                table.column("end", .integer)
                table.column("openedAt", .integer).notNull()
                table.column("raisedAt", .integer).notNull()
                table.column("details", .blob).notNull()
                table.column("firstSeq", .integer).notNull()
                table.column("lastSeq", .integer).notNull()
            }
            try db.create(index: "alertByStatus", on: "alert", columns: ["status", "raisedAt"])
            try db.create(table: "alertHistory") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("alertId", .integer).notNull().references("alert")
                table.column("at", .integer).notNull()
                table.column("actor", .text).notNull()
                table.column("action", .text).notNull()
                table.column("changes", .blob).notNull()
                table.column("note", .text)
            }
            try db.create(index: "alertHistoryByAlert", on: "alertHistory", columns: ["alertId"])
        }
        return migrator
    }
}
