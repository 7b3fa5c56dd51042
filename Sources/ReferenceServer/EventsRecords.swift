import ConformanceSpec
import Foundation

/// One event of a region's log.
struct EventRecord: Sendable, Equatable {
    var date: Date
    var sourceIdentifier: String
    var sourceType: String
    var message: String
    var categories: [String]
    var sourceArn: String

    /// The walk's key, lower-cased: time, source and message (`paging.key` of DescribeEvents.yaml), in the emulator's
    /// order. Made when asked (a page's binary search asks a dozen events), not kept: the log holds thousands.
    var sortKey: String { "\(ISOTimestamp.format(date))+\(sourceIdentifier)+\(message)".lowercased() }
}

/// What the event operations keep per region: the event log, oldest first.
struct EventsStore: Sendable {
    private(set) var log: [EventRecord] = []
    /// True while the log, oldest first, is also in `sortKey` order (the usual case: each event is dated after the
    /// one before), so a walk's page needs no sort.
    private(set) var inKeyOrder = true

    /// Adds `event` at the end of the log.
    mutating func append(_ event: EventRecord) {
        if inKeyOrder, let last = log.last, !(last.sortKey < event.sortKey) { inKeyOrder = false }
        log.append(event)
    }

    /// Drops the events `isDropped` holds for (a subset of a log in key order stays in key order).
    mutating func removeAll(where isDropped: (EventRecord) -> Bool) { log.removeAll(where: isDropped) }

    /// Drops the oldest `count` events.
    mutating func removeFirst(_ count: Int) {
        log.removeFirst(count)
        if log.isEmpty { inKeyOrder = true }
    }
}

extension EventCatalogue {
    /// How far back the log reaches, in seconds.
    var horizon: TimeInterval { TimeInterval(horizonDays) * 24 * 3600 }
}
