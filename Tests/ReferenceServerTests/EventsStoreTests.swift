import Foundation
import Testing

@testable import ReferenceServer

/// The event log knows when it is in its walk's key order (time, source, message), so a DescribeEvents page needs no
/// sort; an event dated within the same millisecond as the one before, with a smaller key, makes it sort again.
@Suite struct EventsStoreTests {
    static func event(_ date: Date, _ source: String) -> EventRecord {
        EventRecord(
            date: date, sourceIdentifier: source, sourceType: "db-cluster", message: "DB cluster created",
            categories: ["creation"], sourceArn: "arn:aws:rds:us-east-1:123456789012:cluster:\(source)")
    }

    @Test func theLogKnowsWhetherItIsInKeyOrder() {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        var store = EventsStore()
        store.append(Self.event(start, "b"))
        store.append(Self.event(start.addingTimeInterval(0.002), "a"))
        #expect(store.inKeyOrder)
        #expect(store.log.map(\.sortKey) == store.log.map(\.sortKey).sorted())
        // The same millisecond, a smaller source: the log order is no longer the key order.
        store.append(Self.event(start.addingTimeInterval(0.0021), "0"))
        #expect(!store.inKeyOrder)
        #expect(store.log.map(\.sortKey) != store.log.map(\.sortKey).sorted())
        store.removeAll { $0.sourceIdentifier == "0" }
        store.removeFirst(store.log.count)
        #expect(store.log.isEmpty && store.inKeyOrder)
    }

    @Test func aKeyIsTimeSourceAndMessageLowerCased() {
        let event = Self.event(Date(timeIntervalSince1970: 1_800_000_000), "My-Cluster")
        #expect(event.sortKey == "2027-01-15t08:00:00.000z+my-cluster+db cluster created")
    }
}
