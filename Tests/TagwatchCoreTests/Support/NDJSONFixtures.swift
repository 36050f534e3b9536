import TagwatchCore
import Testing

/// NDJSON lines for tests, from the examples in streams.md §2.2.
enum NDJSONFixtures {
    /// The seven example lines of streams.md §2.2, verbatim.
    static let specLines: [String] = [
        #"{"dev":"TAC-000417","seq":1203,"t":1763798400000,"k":"tac","tac":0.031,"ir":2.71,"temp":33.4}"#,
        #"{"dev":"RF-001932","seq":88121,"t":1763798460000,"k":"rf","in":false,"rssi":-97}"#,
        #"{"dev":"RF-001932","seq":88122,"t":1763798470000,"k":"strap","ok":true}"#,
        #"{"dev":"HMU-001932","seq":5120,"t":1763798400000,"k":"hmu","mains":true,"moved":false,"open":false}"#,
        #"{"dev":"RF-001932","seq":88123,"t":1763798480000,"k":"batt","pct":71}"#,
        #"{"dev":"HMU-001932","seq":5121,"t":1763799300000,"k":"hb"}"#,
        #"{"dev":"GPS-000020","seq":301,"t":1763798400000,"k":"gps","lat":51.5072,"lon":-0.1276,"acc":8.5}"#,
    ]

    /// What the example lines say, written out from the lines themselves.
    static let specReadings: [Reading] = [
        Make.reading("TAC-000417", 1203, 1_763_798_400_000, .tac(AlcoholSample(tac: 0.031, ir: 2.71, temp: 33.4))),
        Make.reading("RF-001932", 88121, 1_763_798_460_000, .rf(inRange: false, rssi: -97)),
        Make.reading("RF-001932", 88122, 1_763_798_470_000, .strap(ok: true)),
        Make.reading("HMU-001932", 5120, 1_763_798_400_000, .hmu([.onMains])),
        Make.reading("RF-001932", 88123, 1_763_798_480_000, .batt(percent: 71)),
        Make.reading("HMU-001932", 5121, 1_763_799_300_000, .hb),
        Make.reading("GPS-000020", 301, 1_763_798_400_000, .gps(LocationFix(lat: 51.5072, lon: -0.1276, accuracy: 8.5))),
    ]

    /// A good line and its reading, to stand before and after a line under test.
    static let before = (line: #"{"dev":"BEFORE-1","seq":1,"t":1763798400000,"k":"hb"}"#,
                         reading: Make.reading("BEFORE-1", 1, 1_763_798_400_000, .hb))
    static let after = (line: #"{"dev":"AFTER-1","seq":2,"t":1763798400001,"k":"strap","ok":false}"#,
                        reading: Make.reading("AFTER-1", 2, 1_763_798_400_001, .strap(ok: false)))

    /// `lines` joined with `terminator` after each.
    static func stream(_ lines: [String], terminator: String = "\n") -> [UInt8] {
        utf8(lines.map { $0 + terminator }.joined())
    }

    /// Expects `line`, between two good lines, to be rejected for `reason` as a whole,
    /// and the lines around it decoded.
    static func expectRejected(_ line: String, _ reason: RejectReason, wallClock: Int64 = CoreDecode.farFuture, sourceLocation: SourceLocation = #_sourceLocation) {
        let result = CoreDecode.run(stream([before.line, line, after.line]), wallClock: wallClock)
        #expect(result.encoding == .ndjson, sourceLocation: sourceLocation)
        #expect(result.readings == [before.reading, after.reading], "\(line)", sourceLocation: sourceLocation)
        #expect(result.rejections.map(\.reason) == [reason], "\(line): \(result.rejections.map(\.detail))", sourceLocation: sourceLocation)
        #expect(result.rejections.map(\.offset) == [before.line.utf8.count + 1], "\(line)", sourceLocation: sourceLocation)
        #expect(result.rejections.map(\.length) == [line.utf8.count], "\(line)", sourceLocation: sourceLocation)
    }

    /// Expects `line`, between two good lines, to decode to `reading`.
    static func expectAccepted(_ line: String, as reading: Reading, sourceLocation: SourceLocation = #_sourceLocation) {
        let result = CoreDecode.run(stream([before.line, line, after.line]))
        #expect(result.readings == [before.reading, reading, after.reading], "\(line)", sourceLocation: sourceLocation)
        #expect(result.rejections.isEmpty, "\(line): \(result.rejections.map(\.detail))", sourceLocation: sourceLocation)
    }

    /// The first spec line whose `k` is `kind`.
    static func specLine(_ kind: ReadingKind) -> String {
        specLines[Int(kind.rawValue) - 1]
    }

    static func specReading(_ kind: ReadingKind) -> Reading {
        specReadings[Int(kind.rawValue) - 1]
    }

    /// `line` with the `"name":value` member replaced by `"name":replacement`, or
    /// removed when `replacement` is nil.
    static func replacing(_ name: String, in line: String, with replacement: String?) -> String {
        var members = splitMembers(line)
        guard let index = members.firstIndex(where: { $0.hasPrefix("\"\(name)\":") }) else {
            preconditionFailure("\(name) not in \(line)")
        }
        if let replacement {
            members[index] = "\"\(name)\":\(replacement)"
        } else {
            members.remove(at: index)
        }
        return "{" + members.joined(separator: ",") + "}"
    }

    /// The `"name":value` members of a flat line whose strings hold no commas.
    static func splitMembers(_ line: String) -> [String] {
        line.dropFirst().dropLast().split(separator: ",").map(String.init)
    }

    /// A valid `hb` line of exactly `length` bytes, padded by an unknown field.
    static func paddedLine(length: Int, seq: UInt32 = 77) -> (line: [UInt8], reading: Reading) {
        let head = #"{"dev":"PAD-1","seq":\#(seq),"t":1763798400000,"k":"hb","pad":""#
        let tail = #""}"#
        let padding = length - head.utf8.count - tail.utf8.count
        precondition(padding >= 0)
        let line = utf8(head) + [UInt8](repeating: UInt8(ascii: "p"), count: padding) + utf8(tail)
        return (line, Make.reading("PAD-1", seq, 1_763_798_400_000, .hb))
    }
}
