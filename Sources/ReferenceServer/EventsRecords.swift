import ConformanceSpec
import Foundation

/// An event notification subscription as the emulator keeps it.
struct EventSubscriptionRecord: Sendable, Equatable {
    /// The name as the request gave it (CustSubscriptionId).
    var name: String
    var topic: String
    /// nil: every source type.
    var sourceType: String?
    /// Stored lower-cased, in the order first given, without repeats.
    var sourceIds: [String]
    var categories: [String]
    var enabled: Bool
    /// [model] SubscriptionCreationTime is a string (NEPTUNE-FACTS-2 §3.12 quirk 4).
    var creationTime: String
    var status: String = "active"
}

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

/// What the event operations keep per region: the subscriptions by name and the event log, oldest first.
struct EventsStore: Sendable {
    var subscriptions: [String: EventSubscriptionRecord] = [:]
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

/// The events the emulator records for the operations the suite sends (the categories of each source type are the
/// spec's: CreateEventSubscription's `vocabularyOf` rule). [guide] event-lists ("Neptune uses existing Amazon RDS event definitions and IDs"); NEPTUNE-FACTS-2 §3.9.
enum EventCatalogue {
    /// What a successful operation records: the source type, the request parameter naming the source, the ARN type,
    /// the categories and the message ([guide] event-lists: the RDS event id in each comment). Messages the guide
    /// gives only as a description are that description (inferred wording).
    struct Emission: Sendable {
        var sourceType: String
        var parameter: String
        var arnType: String
        var categories: [String]
        var message: String
    }

    static let emissions: [String: Emission] = [
        // RDS-EVENT-0170 / 0171: DB cluster created / deleted
        "CreateDBCluster": Emission(
            sourceType: "db-cluster", parameter: "DBClusterIdentifier", arnType: "cluster", categories: ["creation"],
            message: "DB cluster created"),
        // A restore creates a cluster too (RDS-EVENT-0170 for the new cluster; inferred: the guide lists no restore event)
        "RestoreDBClusterFromSnapshot": Emission(
            sourceType: "db-cluster", parameter: "DBClusterIdentifier", arnType: "cluster", categories: ["creation"],
            message: "DB cluster created"),
        "RestoreDBClusterToPointInTime": Emission(
            sourceType: "db-cluster", parameter: "DBClusterIdentifier", arnType: "cluster", categories: ["creation"],
            message: "DB cluster created"),
        "DeleteDBCluster": Emission(
            sourceType: "db-cluster", parameter: "DBClusterIdentifier", arnType: "cluster", categories: ["deletion"],
            message: "DB cluster deleted"),
        // RDS-EVENT-0150 / 0151: DB cluster stopped / started
        "StopDBCluster": Emission(
            sourceType: "db-cluster", parameter: "DBClusterIdentifier", arnType: "cluster",
            categories: ["notification"], message: "DB cluster stopped"),
        "StartDBCluster": Emission(
            sourceType: "db-cluster", parameter: "DBClusterIdentifier", arnType: "cluster",
            categories: ["notification"], message: "DB cluster started"),
        // RDS-EVENT-0069..0073: cluster failover
        "FailoverDBCluster": Emission(
            sourceType: "db-cluster", parameter: "DBClusterIdentifier", arnType: "cluster", categories: ["failover"],
            message: "Started cross AZ failover to DB instance"),
        // RDS-EVENT-0005 / 0003 / 0006: DB instance created / deleted / restarted
        "CreateDBInstance": Emission(
            sourceType: "db-instance", parameter: "DBInstanceIdentifier", arnType: "db", categories: ["creation"],
            message: "DB instance created"),
        "DeleteDBInstance": Emission(
            sourceType: "db-instance", parameter: "DBInstanceIdentifier", arnType: "db", categories: ["deletion"],
            message: "DB instance deleted"),
        "RebootDBInstance": Emission(
            sourceType: "db-instance", parameter: "DBInstanceIdentifier", arnType: "db", categories: ["availability"],
            message: "DB instance restarted"),
        // RDS-EVENT-0074: creation of a manual DB cluster snapshot has started
        "CreateDBClusterSnapshot": Emission(
            sourceType: "db-cluster-snapshot", parameter: "DBClusterSnapshotIdentifier", arnType: "cluster-snapshot",
            categories: ["backup"], message: "Creating manual cluster snapshot"),
        // RDS-EVENT-0037: parameter group modified (the guide's cluster parameter group table, source db-parameter-group)
        "ModifyDBClusterParameterGroup": Emission(
            sourceType: "db-parameter-group", parameter: "DBClusterParameterGroupName", arnType: "cluster-pg",
            categories: ["configuration change"], message: "Parameter group modified"),
        "ResetDBClusterParameterGroup": Emission(
            sourceType: "db-parameter-group", parameter: "DBClusterParameterGroupName", arnType: "cluster-pg",
            categories: ["configuration change"], message: "Parameter group modified"),
        "ModifyDBParameterGroup": Emission(
            sourceType: "db-parameter-group", parameter: "DBParameterGroupName", arnType: "pg",
            categories: ["configuration change"], message: "Parameter group modified"),
        "ResetDBParameterGroup": Emission(
            sourceType: "db-parameter-group", parameter: "DBParameterGroupName", arnType: "pg",
            categories: ["configuration change"], message: "Parameter group modified"),
    ]

    /// [model] DescribeEvents: "events ... for the past 14 days"; "By default, the past hour of events are returned."
    static let horizon: TimeInterval = 14 * 24 * 3600
    static let defaultDurationMinutes = 60
    /// RDS CHAP_Limits: 20 subscriptions per Region (not enforced: one emulator serves concurrent cases).
    static let subscriptionsPerRegion = 20
}
