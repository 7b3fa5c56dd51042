import ConformanceSpec

/// State changes: a cluster's change keeps its old `ServerlessV2ScalingConfiguration`, so the modify of DB clusters
/// (ModifyDBCluster, the one change that sets it) accepts a new one but keeps the old one.
struct IgnoreModifiedScaling: FaultDecorator {
    var summary: String { "accepts a new scaling range in ModifyDBCluster but keeps the old one" }

    func brokenItems(in spec: ServiceSpec) -> [String] {
        spec.requestItems(parameter: "ServerlessV2ScalingConfiguration").filter {
            spec.resources.lifecycle(modifiedBy: SpecItemID($0).operation)?.kind == .dbCluster
        }
    }

    func changing(_ change: inout ClusterChange) {
        change.after.attributes["ServerlessV2ScalingConfiguration"] =
            change.before.attributes["ServerlessV2ScalingConfiguration"]
    }
}
