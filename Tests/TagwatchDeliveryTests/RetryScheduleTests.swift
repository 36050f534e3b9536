import TagwatchDelivery
import TagwatchSamples
import Testing

/// The retry schedule against bounds computed here from alerts.md: after the n-th failure
/// the wait is within [c/2, c] for c = min(30 s · 2^(n-1), 1 h); dead at 20.
@Suite struct RetryScheduleTests {
    /// The ceiling in milliseconds, by floating point, independently of the schedule's
    /// integer doubling.
    private func ceiling(_ n: Int) -> Int64 {
        Int64(min(30 * pow2(n - 1), 3600) * 1000)
    }

    private func pow2(_ exponent: Int) -> Double {
        (0..<exponent).reduce(1.0) { value, _ in value * 2 }
    }

    private func milliseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
    }

    @Test func eachDelayIsWithinTheUpperHalfOfItsCeiling() {
        let schedule = RetrySchedule()
        var random = SplitMix64(seed: 30)
        for n in 1...40 {
            let bound = ceiling(n)
            for _ in 0..<500 {
                let delay = milliseconds(schedule.delay(afterFailedAttempt: n, using: &random))
                #expect(delay >= bound / 2 && delay <= bound, "attempt \(n): \(delay) ms")
                #expect(delay <= 3_600_000)
            }
        }
    }

    @Test func theCeilingsDoubleFrom30SecondsToTheHour() {
        // min(30·2^(n-1), 3600) s, written out.
        let expected: [Int64] = [30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600].map { $0 * 1000 }
        #expect((1...10).map(ceiling) == expected)
        // The largest draw of each attempt over many seeds reaches its ceiling's
        // neighbourhood, the smallest its half's.
        let schedule = RetrySchedule()
        var random = SplitMix64(seed: 7)
        for (index, bound) in expected.enumerated() {
            let draws = (0..<2000).map { _ in milliseconds(schedule.delay(afterFailedAttempt: index + 1, using: &random)) }
            #expect(draws.max()! > bound * 98 / 100)
            #expect(draws.min()! < bound / 2 + bound * 2 / 100)
        }
    }

    @Test func theSameSeedGivesTheSameDelays() {
        let schedule = RetrySchedule()
        var first = SplitMix64(seed: 99)
        var second = SplitMix64(seed: 99)
        let a = (1...20).map { schedule.delay(afterFailedAttempt: $0, using: &first) }
        let b = (1...20).map { schedule.delay(afterFailedAttempt: $0, using: &second) }
        #expect(a == b)
        #expect(Set(a.prefix(8)).count == 8)
    }

    @Test func aNotificationIsDeadAtTheTwentiethFailure() {
        let schedule = RetrySchedule()
        #expect(schedule.maxAttempts == 20)
        #expect((0...19).allSatisfy { !schedule.isDead(failedAttempts: $0) })
        #expect((20...25).allSatisfy { schedule.isDead(failedAttempts: $0) })
    }

    @Test func hugeFailureCountsStayAtTheCap() {
        var random = SplitMix64(seed: 1)
        let delay = RetrySchedule().delay(afterFailedAttempt: Int.max, using: &random)
        #expect(delay <= .seconds(3600) && delay >= .seconds(1800))
    }
}
