import Foundation
import TagwatchDelivery
import TagwatchSamples
import Testing

/// Emails in the spool folder, read back as a relay would read them.
@Suite struct MailSpoolTests {
    /// `printf %s alert-42-opened | sha256sum`
    static let keyDigest = "6ab4d5e49f3c9e98428e1f604febe41d9c4d1a2d91ae9fd789e68ff3bad096b8"

    private func files(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    @Test func theMessageHasItsHeadersCRLFLinesAndTheText() async throws {
        let folder = try DeliveryFixtures.folder()
        let spool = try MailSpool(folder: folder)
        let notification = DeliveryFixtures.notification(to: DeliveryFixtures.officer())
        #expect(await spool.deliver(notification) == .delivered)
        #expect(try files(in: folder) == [Self.keyDigest + ".eml"])
        let mail = try MailFile(path: folder + "/" + Self.keyDigest + ".eml")
        #expect(mail.fields.map(\.name) == ["From", "To", "Subject", "Date", "Message-ID", "Idempotency-Key",
                                           "X-Tagwatch-Event", "MIME-Version", "Content-Type", "Content-Transfer-Encoding"])
        #expect(mail.field("From") == "Tagwatch <tagwatch@localhost>")
        #expect(mail.field("To") == "Ada Byrne <po1@example.org>")
        #expect(mail.field("Subject") == "Curfew absence, subject S-1")
        // `date -u -d @1795460700 -R`
        #expect(mail.field("Date") == "Mon, 23 Nov 2026 19:05:00 +0000")
        #expect(mail.field("Message-ID") == "<\(Self.keyDigest)@localhost>")
        #expect(mail.field("Idempotency-Key") == "alert-42-opened")
        #expect(mail.field("X-Tagwatch-Event") == "opened")
        #expect(mail.field("MIME-Version") == "1.0")
        #expect(mail.field("Content-Type") == "text/plain; charset=utf-8")
        #expect(mail.field("Content-Transfer-Encoding") == "quoted-printable")
        #expect(mail.decodedBody == "Alert 42: curfew absence from 19:05.\r\nPlease follow up.\r\n")
        // Every line ends in CRLF: no CR or LF is left inside a line, and the file ends with one.
        #expect(mail.lines.allSatisfy { !$0.contains(0x0D) && !$0.contains(0x0A) })
        #expect(mail.bytes.suffix(2) == [0x0D, 0x0A])
    }

    /// A second delivery of one notification (a retry, a restarted worker) replaces the
    /// file with the same bytes and leaves no temporary file; another key is another file.
    @Test func deliveringTwiceLeavesOneFile() async throws {
        let folder = try DeliveryFixtures.folder()
        let spool = try MailSpool(folder: folder)
        let notification = DeliveryFixtures.notification(to: DeliveryFixtures.officer())
        #expect(await spool.deliver(notification) == .delivered)
        let first = try MailFile(path: folder + "/" + Self.keyDigest + ".eml").bytes
        #expect(await spool.deliver(notification) == .delivered)
        #expect(try files(in: folder) == [Self.keyDigest + ".eml"])
        #expect(try MailFile(path: folder + "/" + Self.keyDigest + ".eml").bytes == first)
        var other = notification
        other.key = "alert-43-opened"
        #expect(await spool.deliver(other) == .delivered)
        #expect(try files(in: folder).count == 2)
    }

    @Test func lineBreaksInHeaderValuesAreRefused() async throws {
        let folder = try DeliveryFixtures.folder()
        let spool = try MailSpool(folder: folder)
        let injected = [
            DeliveryFixtures.notification(to: DeliveryFixtures.officer(), subject: "Absence\r\nBcc: everyone@example.org"),
            DeliveryFixtures.notification(to: DeliveryFixtures.officer(), subject: "Absence\nBcc: everyone@example.org"),
            DeliveryFixtures.notification(to: DeliveryFixtures.officer(name: "Ada\rBcc: everyone@example.org")),
            DeliveryFixtures.notification(to: DeliveryFixtures.officer(), key: "alert-42\r\nBcc: everyone@example.org"),
            DeliveryFixtures.notification(to: DeliveryFixtures.officer(email: "po1@example.org\r\nBcc: everyone@example.org")),
        ]
        for notification in injected {
            let outcome = await spool.deliver(notification)
            guard case .failed(let reason) = outcome else {
                Issue.record("\(notification) was written")
                continue
            }
            #expect(reason.contains("line break") || reason.contains("is not a mail address"), "\(reason)")
        }
        #expect(try files(in: folder).isEmpty)
        #expect(throws: DeliverySetupError.self) { try MailSpool(folder: folder, senderName: "Tagwatch\r\nBcc: x@example.org") }
        #expect(throws: DeliverySetupError.self) { try MailSpool(folder: folder, senderAddress: "tagwatch@localhost>\r\nBcc: x") }
    }

    @Test func nonASCIINamesAndSubjectsAreEncodedWords() async throws {
        let folder = try DeliveryFixtures.folder()
        let spool = try MailSpool(folder: folder)
        let subject = "Contrôle à 19:05 — absence de Zoë Ł. " + String(repeating: "ünïcödé ", count: 12)
        let notification = DeliveryFixtures.notification(to: DeliveryFixtures.officer(name: "Siobhán Ó Briain"), subject: subject)
        #expect(await spool.deliver(notification) == .delivered)
        let mail = try MailFile(path: folder + "/" + Self.keyDigest + ".eml")
        #expect(MailFile.decodeWords(try #require(mail.field("Subject"))) == subject)
        let to = try #require(mail.field("To"))
        #expect(to.hasSuffix(" <po1@example.org>"))
        #expect(MailFile.decodeWords(String(to.dropLast(" <po1@example.org>".count))) == "Siobhán Ó Briain")
        // Headers are 7-bit, and no encoded word is longer than RFC 2047's 75 characters.
        #expect(mail.lines.allSatisfy { $0.allSatisfy { $0 < 0x80 } })
        #expect(mail.fields.flatMap { $0.value.split(separator: " ") }.filter { $0.hasPrefix("=?") }.allSatisfy { $0.count <= 75 })
    }

    @Test func aNameWithSpecialsIsQuoted() async throws {
        let folder = try DeliveryFixtures.folder()
        let spool = try MailSpool(folder: folder, senderName: "Centre (north), \"duty\"")
        #expect(await spool.deliver(DeliveryFixtures.notification(to: DeliveryFixtures.officer(name: "Byrne, A."))) == .delivered)
        let mail = try MailFile(path: folder + "/" + Self.keyDigest + ".eml")
        #expect(mail.field("From") == #""Centre (north), \"duty\"" <tagwatch@localhost>"#)
        #expect(mail.field("To") == #""Byrne, A." <po1@example.org>"#)
    }

    /// Long lines, trailing spaces, `=` and any line-break convention come out as
    /// quoted-printable lines of at most 76 characters that decode to the text.
    @Test func theBodyIsQuotedPrintableWithinLineLimits() async throws {
        let folder = try DeliveryFixtures.folder()
        let spool = try MailSpool(folder: folder)
        let long = String(repeating: "Résumé of readings; TAC=0.042 g/dL ", count: 80)
        let text = "Line one \r\nLine two\tends in a tab\t\rPeak: 0.08=high\n" + long + "\n\nLast"
        #expect(await spool.deliver(DeliveryFixtures.notification(to: DeliveryFixtures.officer(), text: text)) == .delivered)
        let mail = try MailFile(path: folder + "/" + Self.keyDigest + ".eml")
        let expected = "Line one \r\nLine two\tends in a tab\t\r\nPeak: 0.08=high\r\n" + long + "\r\n\r\nLast\r\n"
        #expect(mail.decodedBody == expected)
        let bodyLines = mail.rawBody.components(separatedBy: "\r\n")
        #expect(bodyLines.allSatisfy { $0.utf8.count <= 76 })
        #expect(bodyLines.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } })
        #expect(bodyLines.prefix(3) == ["Line one=20", "Line two\tends in a tab=09", "Peak: 0.08=3Dhigh"])
    }

    @Test func aWebhookRecipientOrABadAddressIsAFailure() async throws {
        let folder = try DeliveryFixtures.folder()
        let spool = try MailSpool(folder: folder)
        #expect(await spool.deliver(DeliveryFixtures.notification(to: DeliveryFixtures.officer(url: "http://127.0.0.1/x")))
            == .failed(reason: "Officer Ada Byrne has a webhook URL; the mail spool writes emails only"))
        for address in ["", "po1", "po1@", "@example.org", "po 1@example.org", "<po1@example.org>", "a@b@c", "po1@example..org"] {
            #expect(await spool.deliver(DeliveryFixtures.notification(to: DeliveryFixtures.officer(email: address)))
                == .failed(reason: "Ada Byrne's email address '\(address)' is not a mail address"))
        }
        #expect(try files(in: folder).isEmpty)
    }

    @Test func theSpoolFolderIsMadeAndAFileInItsPlaceRefused() throws {
        let parent = try DeliveryFixtures.folder()
        let spool = try MailSpool(folder: parent + "/outbox-mail")
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: spool.folder, isDirectory: &isFolder) && isFolder.boolValue)
        #expect(FileManager.default.createFile(atPath: parent + "/plain-file", contents: Data()))
        #expect(throws: DeliverySetupError.self) { try MailSpool(folder: parent + "/plain-file") }
    }
}

extension MailSpoolTests {
    /// The `Date:` of notifications from 1901 to 2400 (leap centuries, before the epoch),
    /// against Foundation's own RFC 5322 formatter in UTC.
    @Test func theDateIsFoundationsForAnyCreationTime() async throws {
        let folder = try DeliveryFixtures.folder()
        let spool = try MailSpool(folder: folder)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        var random = SplitMix64(seed: 5322)
        let special: [Int64] = [0, -1, -86_400_000, 951_782_400_000, 13_574_563_200_000, -2_177_452_800_001]
        for (index, createdAt) in (special + (0..<60).map { _ in Int64.random(in: -2_177_452_800_000...13_574_649_599_999, using: &random) }).enumerated() {
            var notification = DeliveryFixtures.notification(to: DeliveryFixtures.officer(), key: "date-\(index)")
            notification.createdAt = createdAt
            #expect(await spool.deliver(notification) == .delivered)
            let name = try files(in: folder).first { try MailFile(path: folder + "/" + $0).field("Idempotency-Key") == "date-\(index)" }
            let mail = try MailFile(path: folder + "/" + (try #require(name)))
            let seconds = (Double(createdAt) / 1000).rounded(.down)
            #expect(mail.field("Date") == formatter.string(from: Date(timeIntervalSince1970: seconds)), "createdAt \(createdAt)")
        }
    }
}
