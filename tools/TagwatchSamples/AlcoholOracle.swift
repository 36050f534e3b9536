import TagwatchCore

/// An independent reading of rules.md's sobriety rules over one tag's readings, written
/// from the spec alone, to say which alerts the system must raise for generated data.
public enum AlcoholOracle {
    /// Thresholds at the precision the readings have (`f32`): a reading of exactly
    /// 0.020 g/dL is stored as 0.0199999996, and must still count as at the threshold.
    public static let onset = Double(Float(0.010))
    public static let threshold = Double(Float(0.020))
    public static let minimumReadings = 3
    public static let segmentGap: Int64 = 90 * SampleTime.minute

    /// Drinking and tamper alerts for `readings` (one tag's `tac` readings in `seq`
    /// order), for `subject` of `risk`.
    public static func expectedAlerts(for readings: [Reading], subject: String, risk: String, scenario: String) -> [ExpectedAlert] {
        let samples: [(time: Int64, sample: AlcoholSample)] = readings.compactMap {
            if case .tac(let sample) = $0.payload { return ($0.time, sample) }
            return nil
        }
        guard let device = readings.first?.device.description else { return [] }
        func alert(_ type: String, _ start: Int64, _ end: Int64?, _ severity: Severity, _ classification: String?) -> ExpectedAlert {
            ExpectedAlert(type: type, subject: subject, device: device, start: start, end: end,
                          severity: severity.raised(forRisk: risk).name, classification: classification,
                          pattern: nil, scenario: scenario)
        }
        return drinking(samples).map { alert("alcohol.drinking", $0.start, $0.end, $0.confirmed ? .high : .medium, $0.confirmed ? "confirmed" : "unconfirmed") }
            + tamper(samples).map { alert($0.type, $0.start, $0.end, .high, nil) }
    }

    /// Median of up to three values; of two, their mean.
    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.count == 3 ? sorted[1] : sorted.reduce(0, +) / Double(sorted.count)
    }

    /// Smoothed TAC per reading, segments cut at gaps over 90 minutes.
    static func smoothed(_ samples: [(time: Int64, sample: AlcoholSample)]) -> [Double] {
        samples.indices.map { index in
            var window = [Double(samples[index].sample.tac)]
            if index > 0, samples[index].time - samples[index - 1].time <= segmentGap {
                window.append(Double(samples[index - 1].sample.tac))
            }
            if index + 1 < samples.count, samples[index + 1].time - samples[index].time <= segmentGap {
                window.append(Double(samples[index + 1].sample.tac))
            }
            return median(window)
        }
    }

    struct Episode {
        var start: Int64
        var end: Int64
        var confirmed: Bool
    }

    static func drinking(_ samples: [(time: Int64, sample: AlcoholSample)]) -> [Episode] {
        let smooth = smoothed(samples)
        var episodes: [Episode] = []
        var index = 0
        while index < samples.count {
            guard smooth[index] >= onset else { index += 1; continue }
            let first = index
            var last = index
            var next = index + 1
            // The episode runs until smoothed TAC stays below onset for 2 readings, a gap
            // over 90 minutes, or the end of the segment.
            while next < samples.count, samples[next].time - samples[next - 1].time <= segmentGap {
                if smooth[next] >= onset {
                    last = next
                } else if next + 1 >= samples.count || smooth[next + 1] < onset || samples[next + 1].time - samples[next].time > segmentGap {
                    break
                }
                next += 1
            }
            var run = 0, longest = 0
            for position in first...last {
                run = smooth[position] >= threshold ? run + 1 : 0
                longest = max(longest, run)
            }
            if longest >= minimumReadings {
                var peakIndex = first
                for position in first...last where smooth[position] >= smooth[peakIndex] { peakIndex = position }
                let after = last + 1 < samples.count && samples[last + 1].time - samples[last].time <= segmentGap ? last + 1 : last
                let hours = Double(samples[after].time - samples[peakIndex].time) / Double(SampleTime.hour)
                let rate = hours > 0 ? (smooth[peakIndex] - smooth[after]) / hours : 0
                let duration = Double(samples[last].time - samples[first].time) / Double(SampleTime.hour)
                episodes.append(Episode(start: samples[first].time, end: samples[last].time, confirmed: duration >= 3 && rate <= 0.060))
            }
            index = last + 1
        }
        return episodes
    }

    static func tamper(_ samples: [(time: Int64, sample: AlcoholSample)]) -> [(type: String, start: Int64, end: Int64?)] {
        guard samples.count >= 6 else { return [] }
        let baseline = samples.prefix(6).map { Double($0.sample.ir) }.sorted()
        let baselineIR = (baseline[2] + baseline[3]) / 2
        var episodes: [(type: String, start: Int64, end: Int64?)] = []
        var index = 0
        while index < samples.count {
            let offSkin = { (position: Int) in abs(Double(samples[position].sample.ir) - baselineIR) > 0.40 }
            guard offSkin(index) else { index += 1; continue }
            var last = index
            while last + 1 < samples.count, offSkin(last + 1) { last += 1 }
            if last - index + 1 >= 4 {
                let cold = (index..<(index + 4)).filter { samples[$0].sample.temp < 24 }.count
                let end = last + 1 < samples.count ? samples[last + 1].time : nil
                episodes.append((cold >= 3 ? "tamper.removal" : "tamper.obstruction", samples[index].time, end))
            }
            index = last + 1
        }
        return episodes
    }
}
