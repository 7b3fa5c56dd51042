import ConformanceSpec

/// Preconditions: a failover may name the cluster's writer as its target (`readerOf`); a target that is no
/// member of the cluster is still refused.
struct FailoverToWriter: FaultDecorator {
    var summary: String { "accepts a failover whose target is the cluster's current writer" }

    func brokenItems(in spec: ServiceSpec) -> [String] {
        spec.preconditionItems { $1.keyword == "readerOf" }
    }

    func waives(_ failure: PreconditionFailure, in spec: ServiceSpec) -> Bool {
        failure.condition.keyword == "readerOf" && failure.reason == .unmet
    }
}
