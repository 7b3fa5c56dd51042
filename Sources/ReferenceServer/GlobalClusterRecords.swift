import QueryProtocol

/// What a global cluster keeps beside its engine record (kept once for every region): its member clusters by ARN (the
/// writer, or primary, first) and a switchover or failover under way.
struct GlobalMembership: Sendable, Equatable {
    var members: [String] = []
    /// The switchover or failover requested and not yet complete (FailoverState), with when it completes.
    var failover: GlobalFailover?
}

/// A switchover or failover of a global cluster under way: FailoverState's members, and when the target becomes the
/// writer.
struct GlobalFailover: Sendable, Equatable {
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
