import Foundation
import Testing

extension WorkerFixture {
    /// TAC every 30 minutes from ``base``: six sober readings (the IR baseline), then an
    /// evening's drinking and its slow elimination, then sober again (rules.md, "Sobriety
    /// orders"). Smoothed TAC (median of three) is 0.03 0.05 0.07 0.08 0.08 0.07 0.06 0.05
    /// 0.04 0.03 0.02 for readings 6–16, then 0.005 and 0: an episode from reading 6
    /// (03:00) to 16 (08:00), whose third reading at or over 0.020 is reading 8, so it
    /// opens `pending` once reading 9 is in; once readings 17–19 are in it ends, lasting
    /// 5 h and falling at (0.08 − 0.005) / 3.5 h ≈ 0.021 g/dL/h: `confirmed`.
    static let drinkingTAC: [Double] = [
        0, 0, 0, 0, 0, 0,
        0.030, 0.050, 0.070, 0.080, 0.080, 0.070, 0.060, 0.050, 0.040, 0.030, 0.020, 0.005,
        0, 0, 0, 0,
    ]
    /// Readings 0–11: the episode opens, `pending` (medium; high for a high-risk subject).
    static let opening = 0..<12
    /// Readings 12–21: it ends and is `confirmed` (high).
    static let ending = 12..<22

    /// The NDJSON lines of `subject`'s tag for the readings `range` of ``drinkingTAC``.
    func drinking(_ subject: Subject, _ range: Range<Int>) -> [String] {
        range.map { index in
            let t = base + Int64(index) * 30 * Self.minute
            return #"{"dev":"\#(subject.device)","seq":\#(index + 1),"t":\#(t),"k":"tac","tac":\#(Self.drinkingTAC[index]),"ir":2.7,"temp":33.5}"#
        }
    }

    /// Ingests the opening readings of each of `subjects` as one batch.
    func openDrinkingAlerts(_ subjects: [Subject]) async throws {
        try await ingest(subjects.flatMap { drinking($0, Self.opening) })
    }

    /// `2026-11-22T19:05:00Z`, with milliseconds when there are any.
    static func rfc3339(_ milliseconds: Int64) -> String {
        let seconds = milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        let text = formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
        let fraction = milliseconds - seconds * 1000
        guard fraction != 0 else { return text }
        return text.dropLast() + "." + String(String(fraction + 1000).dropFirst()) + "Z"
    }

    /// Milliseconds of an RFC 3339 time as the contract prints them, with or without
    /// fractional seconds.
    static func milliseconds(_ value: Any?) -> Int64? {
        guard let text = value as? String else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return Int64((date.timeIntervalSince1970 * 1000).rounded()) }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text).map { Int64($0.timeIntervalSince1970) * 1000 }
    }
}
