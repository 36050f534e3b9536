import Foundation
@testable import TagwatchIngest
import Testing

/// The handover between a stream's threads: everything sent arrives once, in order; no
/// more than its depth of items ever exists, however far the producer runs ahead.
@Suite struct HandoverTests {
    final class Made: @unchecked Sendable {
        var count = 0
    }

    @Test func itemsArriveInOrderAndNoMoreThanTheDepthAreEverMade() {
        let made = Made()
        let handover = Handover<[Int]>(depth: 3) {
            made.count += 1
            return []
        }
        let producer = Thread {
            for value in 0..<1_000 {
                var item = handover.empty()
                item.append(value)
                handover.send(item)
            }
            handover.close()
        }
        producer.start()
        var received: [Int] = []
        while var item = handover.receive() {
            received += item
            // A slow consumer: the producer has to wait for items to come back.
            if received.count % 100 == 0 { Thread.sleep(forTimeInterval: 0.001) }
            item.removeAll(keepingCapacity: true)
            handover.recycle(item)
        }
        #expect(received == Array(0..<1_000))
        #expect(made.count <= 3)
        #expect(handover.receive() == nil, "closed and drained stays so")
    }
}
