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
        migrator.registerMigration("v2: streams, evidence, quarantine, audit") { db in
            // One row per stream ever ingested, named by its SHA-256; the bytes are in the
            // evidence folder under the same name.
            try db.create(table: "stream") { table in
                table.primaryKey("sha256", .text)
                table.column("name", .text).notNull()
                table.column("byteCount", .integer).notNull()
                table.column("container", .text).notNull()
                table.column("members", .integer).notNull()
                table.column("ingestedAt", .integer).notNull()
                table.column("counters", .blob).notNull()
            }
            // Which devices' readings each stream holds, so an alert finds its evidence and
            // `alerts show` knows which streams to read back.
            try db.create(table: "streamDevice") { table in
                table.column("sha256", .text).notNull().references("stream", onDelete: .cascade)
                table.column("serial", .text).notNull()
                table.column("firstSeq", .integer).notNull()
                table.column("lastSeq", .integer).notNull()
                table.column("firstTime", .integer).notNull()
                table.column("lastTime", .integer).notNull()
                table.column("readings", .integer).notNull()
                table.primaryKey(["sha256", "serial"])
            }
            try db.create(index: "streamDeviceBySerial", on: "streamDevice", columns: ["serial", "firstTime"])
            try db.create(table: "alertStream") { table in
                table.column("alertId", .integer).notNull().references("alert")
                table.column("sha256", .text).notNull()
                table.primaryKey(["alertId", "sha256"])
            }
            // Rejected records, damaged ranges and conflicts: where in which stream, and why.
            try db.create(table: "quarantine") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("sha256", .text).notNull().references("stream", onDelete: .cascade)
                table.column("member", .integer)
                table.column("offset", .integer).notNull()
                table.column("length", .integer).notNull()
                table.column("kind", .text).notNull()
                table.column("detail", .text).notNull()
            }
            try db.create(index: "quarantineByStream", on: "quarantine", columns: ["sha256"])
            try db.create(table: "audit") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("at", .integer).notNull()
                table.column("actor", .text).notNull()
                table.column("action", .text).notNull()
                table.column("target", .text).notNull()
                table.column("details", .text).notNull()
                table.column("previousHash", .text).notNull()
                table.column("hash", .text).notNull()
            }
        }
        migrator.registerMigration("v3: audit head recorded from the start") { db in
            // So that a store whose head record has gone is told from one never written.
            try db.execute(sql: "INSERT OR IGNORE INTO setting (key, value) VALUES (?, ?)",
                           arguments: [auditHeadKey, "0 " + AuditEntry.genesis])
        }
        migrator.registerMigration("v4: alerts by device") { db in
            // Linking a stream to the alerts resting on it looks alerts up by device.
            try db.create(index: "alertByDevice", on: "alert", columns: ["device", "firstSeq"])
        }
        migrator.registerMigration("v5: evidence by readings taken in") { db in
            // A stream links the alerts resting on the readings it brought in, not on those
            // it repeats (a resend changes nothing); rows kept before knew no difference.
            try db.alter(table: "streamDevice") { table in
                table.add(column: "acceptedFirstSeq", .integer)
                table.add(column: "acceptedLastSeq", .integer)
            }
            try db.execute(sql: "UPDATE streamDevice SET acceptedFirstSeq = firstSeq, acceptedLastSeq = lastSeq")
            // Which commit wrote each change, so a batch run again after a crash knows the
            // alerts its interrupted run changed at checkpoints.
            try db.alter(table: "alertHistory") { table in
                table.add(column: "batch", .integer)
            }
            try db.create(index: "alertHistoryByBatch", on: "alertHistory", columns: ["batch"])
            try db.execute(sql: """
                INSERT OR REPLACE INTO setting (key, value)
                SELECT ?, COALESCE((SELECT value FROM setting WHERE key = ?), 0)
                """, arguments: [lastFinishedBatchKey, batchesKey])
        }
        migrator.registerMigration("v6: follow-up outbox") { db in
            // What must reach a person, written in the transaction of the alert change
            // that causes it (alerts.md, "Outbox"); the worker turns each into one
            // delivery per channel the recipient has.
            try db.create(table: "notification") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("key", .text).notNull().unique()
                table.column("alertId", .integer).references("alert")
                table.column("event", .text).notNull()
                table.column("recipient", .text).notNull()
                table.column("createdAt", .integer).notNull()
                // A daily summary's alerts, as JSON ids.
                table.column("alerts", .blob)
                table.column("state", .text).notNull().defaults(to: "new")
            }
            try db.create(index: "notificationByState", on: "notification", columns: ["state"])
            try db.create(table: "delivery") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("notificationId", .integer).notNull().references("notification")
                table.column("key", .text).notNull().unique()
                table.column("channel", .text).notNull()
                table.column("address", .text).notNull()
                // Whom the address reaches, as an email's `To:` names them.
                table.column("name", .text).notNull()
                table.column("body", .blob).notNull()
                table.column("mailSubject", .text).notNull()
                table.column("mailText", .text).notNull()
                table.column("status", .text).notNull().defaults(to: "pending")
                table.column("attempts", .integer).notNull().defaults(to: 0)
                table.column("dueAt", .integer).notNull()
                table.column("leaseOwner", .text)
                table.column("leaseUntil", .integer)
                table.column("lastError", .text)
                table.column("deliveredAt", .integer)
            }
            try db.create(index: "deliveryByDue", on: "delivery", columns: ["status", "dueAt"])
            try db.create(index: "alertEscalation", on: "alert", columns: ["status", "escalated", "raisedAt"])
            // Each pass asks which transition points were raised.
            try db.create(index: "alertByType", on: "alert", columns: ["type"])
            // Alerts raised before the store had a worker were reviewed without one: they
            // are not escalated all at once by its first pass.
            try db.execute(sql: """
                INSERT OR REPLACE INTO setting (key, value)
                SELECT ?, MAX(raisedAt) + 1 FROM alert HAVING count(*) > 0
                """, arguments: [followUpSinceKey])
            // Daily summaries gather each officer's alerts not yet resolved.
            try db.create(index: "alertByOfficer", on: "alert", columns: ["officer", "status"])
        }
        migrator.registerMigration("v7: short absences") { db in
            // Absences under the grace raise no alert but count in the compliance summary
            // (rules.md); one row per device and start, so a replay adds none.
            try db.create(table: "shortAbsence") { table in
                table.column("device", .text).notNull()
                table.column("start", .integer).notNull()
                table.column("end", .integer).notNull()
                table.column("orderId", .text).notNull()
                table.column("subject", .text).notNull()
                table.primaryKey(["device", "start"])
            }
            try db.create(index: "shortAbsenceByOrder", on: "shortAbsence", columns: ["orderId", "start"])
        }
        return migrator
    }
}
