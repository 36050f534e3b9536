/// The parts of a prompt every alert has: its times and its evidence, with the command
/// that shows the readings themselves (alerts.md, "Evidence").
extension PromptFacts {
    func when(_ narrative: Narrative, into body: inout PlainText) {
        guard narrative.fromReadings else {
            body.paragraph("Raised: \(full(alert.raisedAt))", hanging: 2)
            return
        }
        body.paragraph("Started: \(full(alert.start))", hanging: 2)
        body.paragraph(alert.end.map { "Ended: \(full($0))" } ?? "Still going on at the latest data.", hanging: 2)
        body.paragraph("Opened by the reading at \(full(alert.openedAt)); raised at \(full(alert.raisedAt)).", hanging: 2)
    }

    func evidence(_ narrative: Narrative, into body: inout PlainText) {
        if narrative.fromReadings {
            body.paragraph("Device \(alert.deviceName), readings seq \(alert.firstSeq) to \(alert.lastSeq).")
            if alert.streams.isEmpty {
                body.paragraph("No kept stream is linked to them.")
            } else {
                body.paragraph("Kept as received in \(Figure.count(alert.streams.count, "stream")), named by SHA-256"
                    + " (first 12 digits): \(alert.streams.map { String($0.prefix(12)) }.joined(separator: ", ")).")
            }
            body.paragraph("To see the readings:")
        } else {
            body.paragraph("To see the alert:")
        }
        body.paragraph("tagwatch alerts show \(alert.id)", indent: 2)
        if let related = narrative.related {
            body.paragraph("To see the alert the prompt was about:")
            body.paragraph("tagwatch alerts show \(related)", indent: 2)
        }
    }
}
