import QueryProtocol

/// A global cluster (Neptune global database) as the emulator keeps it, once for every region: its GlobalCluster
/// members, its member clusters by ARN (the writer first) and a switchover or failover under way.
struct GlobalClusterRecord: Sendable {
    /// The stored identifier (lower-cased).
    var id: String
    var resourceId: String
    var status = "available"
    var engine: String
    var engineVersion: String
    var databaseName: String?
    var storageEncrypted: Bool
    var deletionProtection: Bool
    /// The member clusters' ARNs, the writer (primary) first.
    var members: [String] = []
    var tags: [TagRecord] = []
    /// The switchover or failover requested and not yet complete (FailoverState), with when it completes.
    var failover: GlobalFailover?
    var sequence: Int

    /// The ARN of a global cluster names no region (NEPTUNE-FACTS-2 §3.11: `global-cluster`, empty Region field).
    static func arn(account: String, id: String) -> String { "arn:aws:rds::\(account):global-cluster:\(id)" }
}

/// A switchover or failover of a global cluster under way: FailoverState's members, and when the target becomes the
/// writer.
struct GlobalFailover: Sendable {
    var from: String
    var to: String
    var isDataLossAllowed: Bool
    var completes: PendingTransition
}

/// Where a cluster an ARN names is kept: its region and stored identifier.
struct ClusterLocation: Sendable, Equatable {
    var region: String
    var key: String

    /// The location `arn:aws:rds:REGION:ACCOUNT:cluster:NAME` names, when the ARN has that form and the account.
    static func of(arn: String, account: String) -> ClusterLocation? {
        let parts = arn.split(separator: ":", maxSplits: 6, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 7, parts[0] == "arn", parts[2] == "rds", parts[4] == account, parts[5] == "cluster",
            RequestRegion.isRegionName(parts[3]), !parts[6].isEmpty
        else { return nil }
        return ClusterLocation(region: parts[3], key: parts[6].lowercased())
    }
}
