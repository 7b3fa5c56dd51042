import ConformanceSpec

/// Preconditions: StopDBCluster stops a cluster in any state (its `state` precondition).
struct StopStoppedCluster: FaultDecorator {
    var summary: String { "stops a cluster that is already stopped" }
    var operations: [String] { ["StopDBCluster"] }

    func brokenItems(in spec: ServiceSpec) -> [String] {
        spec.preconditionItems { $0.name == "StopDBCluster" && $1.keyword == "state" }
    }

    func waives(_ failure: PreconditionFailure) -> Bool {
        failure.operation == "StopDBCluster" && failure.condition.keyword == "state"
    }
}
