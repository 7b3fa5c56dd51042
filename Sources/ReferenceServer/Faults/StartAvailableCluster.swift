import ConformanceSpec

/// Preconditions: StartDBCluster starts a cluster in any state (its `state` precondition).
struct StartAvailableCluster: FaultDecorator {
    var summary: String { "starts a cluster that is already available" }
    var operations: [String] { ["StartDBCluster"] }

    func brokenItems(in spec: ServiceSpec) -> [String] {
        spec.preconditionItems { $0.name == "StartDBCluster" && $1.keyword == "state" }
    }

    func waives(_ failure: PreconditionFailure) -> Bool {
        failure.operation == "StartDBCluster" && failure.condition.keyword == "state"
    }
}
