import ConformanceSpec

/// State changes: a cluster's change keeps its instances in their order, its writer first, so FailoverDBCluster (the
/// one change that moves the writer) answers but the cluster keeps its writer. Only a failover naming its target is
/// observed by a case (its `TargetDBInstanceIdentifier`); one without a target keeps the writer too.
struct FailoverKeepsWriter: FaultDecorator {
    var summary: String { "answers a failover but keeps the old writer" }

    func brokenItems(in spec: ServiceSpec) -> [String] { spec.requestItems(parameter: "TargetDBInstanceIdentifier") }

    func changing(_ change: inout ClusterChange) { change.after.instances = change.before.instances }
}
