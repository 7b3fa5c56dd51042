import ConformanceSpec

/// State changes: ModifyDBCluster accepts a new `ServerlessV2ScalingConfiguration` but keeps the old one.
struct IgnoreModifiedScaling: FaultDecorator {
    var summary: String { "accepts a new scaling range in ModifyDBCluster but keeps the old one" }
    var operations: [String] { ["DescribeDBClusters", "ModifyDBCluster"] }

    func brokenItems(in spec: ServiceSpec) -> [String] { ["ModifyDBCluster.request.ServerlessV2ScalingConfiguration"] }

    func changing(_ change: inout ClusterChange) {
        guard change.operation == "ModifyDBCluster" else { return }
        change.after.attributes["ServerlessV2ScalingConfiguration"] =
            change.before.attributes["ServerlessV2ScalingConfiguration"]
    }
}
