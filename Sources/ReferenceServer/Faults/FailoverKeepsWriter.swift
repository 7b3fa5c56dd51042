import ConformanceSpec

/// State changes: FailoverDBCluster answers, but the cluster keeps its writer. Only a failover naming
/// its target is observed by a case; one without a target keeps the writer too.
struct FailoverKeepsWriter: FaultDecorator {
    var summary: String { "answers a failover but keeps the old writer" }
    var operations: [String] { ["FailoverDBCluster"] }

    func brokenItems(in spec: ServiceSpec) -> [String] { ["FailoverDBCluster.request.TargetDBInstanceIdentifier"] }

    func changing(_ change: inout ClusterChange) {
        guard change.operation == "FailoverDBCluster" else { return }
        change.after.instances = change.before.instances
    }
}
