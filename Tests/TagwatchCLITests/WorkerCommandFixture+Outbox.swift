import Foundation
import GRDB
import TagwatchDeliveryTesting
import Testing

/// A row of the store's `delivery` table, read directly: what the worker queued and
/// what became of it.
struct DeliveryRow {
    var key: String
    var channel: String
    var address: String
    var status: String
    var attempts: Int
    var leaseOwner: String?
    var event: String
    var recipient: String
}

/// An email in the spool folder, by the headers the tests look at.
struct SpooledMail: Hashable {
    var key: String
    var to: String
    var event: String
}

extension WorkerFixture {
    /// Every delivery the worker queued, oldest first.
    func deliveries() throws -> [DeliveryRow] {
        let database = try DatabaseQueue(path: store)
        return try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT delivery.*, notification.event, notification.recipient FROM delivery
                JOIN notification ON notification.id = delivery.notificationId ORDER BY delivery.id
                """).map { row in
                DeliveryRow(key: row["key"], channel: row["channel"], address: row["address"], status: row["status"],
                            attempts: row["attempts"], leaseOwner: row["leaseOwner"], event: row["event"], recipient: row["recipient"])
            }
        }
    }

    /// The emails in the spool folder.
    func mails() throws -> [SpooledMail] {
        guard FileManager.default.fileExists(atPath: spool.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: spool.path).filter { $0.hasSuffix(".eml") }.map { name in
            let text = String(decoding: try Data(contentsOf: spool.appendingPathComponent(name)), as: UTF8.self)
            var headers: [String: String] = [:]
            var last: String?
            for line in text.components(separatedBy: "\r\n") {
                if line.isEmpty { break }
                if line.first == " " || line.first == "\t", let name = last {
                    headers[name, default: ""] += line
                } else if let colon = line.firstIndex(of: ":") {
                    let name = line[..<colon].lowercased()
                    headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                    last = name
                }
            }
            return SpooledMail(key: headers["idempotency-key"] ?? "", to: headers["to"] ?? "", event: headers["x-tagwatch-event"] ?? "")
        }
    }

    /// Expects the spool to hold exactly one email for each of `requests` whose hook's
    /// recipient has an email address (alerts.md, "Channels": one delivery per channel),
    /// with the same event, to that address, its key the webhook's with the channel's
    /// name in place of `webhook`, and nothing else.
    func expectMails(for requests: [ReceivedRequest], emailOfHook: (String) -> String? = WorkerFixture.email(ofHook:),
                     sourceLocation: SourceLocation = #_sourceLocation) throws {
        var expected: [String: (address: String, event: String)] = [:]
        for request in requests {
            guard let address = emailOfHook(request.path), let key = request.idempotencyKey, key.hasSuffix(".webhook") else { continue }
            expected[String(key.dropLast(".webhook".count)) + ".email"] = (address, request.event ?? "?")
        }
        let mails = try mails()
        #expect(mails.count == expected.count, "\(mails.count) emails, expected \(expected.count)", sourceLocation: sourceLocation)
        for mail in mails {
            guard let want = expected[mail.key] else {
                Issue.record("an email no webhook prompt matches: \(mail)", sourceLocation: sourceLocation)
                continue
            }
            #expect(mail.to.contains("<\(want.address)>"), "\(mail.key) to \(mail.to)", sourceLocation: sourceLocation)
            #expect(mail.event == want.event, "\(mail.key)", sourceLocation: sourceLocation)
        }
    }
}

extension ReceivedRequest {
    /// The JSON body.
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
    }

    var event: String? { json["event"] as? String }
    var alert: [String: Any]? { json["alert"] as? [String: Any] }
    var alertID: String? { alert?["id"] as? String }

    /// `path event alert-id`, to compare what came with what was expected.
    var summary: String { "\(path) \(event ?? "-") \(alertID ?? "-")" }
}

/// Expects `request` to be a prompt as alerts.md's "Channels" says: a POST of a JSON body
/// with `event`, signed with the secret (checked by the receiver), with an idempotency key.
func expectPrompt(_ request: ReceivedRequest, to path: String, event: String, alert: String?,
                  sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(request.method == "POST", sourceLocation: sourceLocation)
    #expect(request.path == path, "\(request.summary)", sourceLocation: sourceLocation)
    #expect(request.signatureVerified, "\(request.summary): signature", sourceLocation: sourceLocation)
    #expect(request.idempotencyKey?.isEmpty == false, "\(request.summary): no Idempotency-Key", sourceLocation: sourceLocation)
    #expect(request.event == event, "\(request.summary)", sourceLocation: sourceLocation)
    if let alert { #expect(request.alertID == alert, "\(request.summary)", sourceLocation: sourceLocation) }
}
