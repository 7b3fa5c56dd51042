import ConformanceSpec

/// Preconditions: StartDBCluster starts a cluster in any state (its `state` precondition).
struct StartAvailableCluster: FaultDecorator {
    var summary: String { "starts a cluster that is already available" }

    func brokenItems(in spec: ServiceSpec) -> [String] {
        spec.preconditionItems { $0.name == Self.action(in: spec) && $1.keyword == "state" }
    }

    func waives(_ failure: PreconditionFailure, in spec: ServiceSpec) -> Bool {
        failure.operation == Self.action(in: spec) && failure.condition.keyword == "state"
    }

    /// StartDBCluster: the DB cluster action resources.yaml says leaves a cluster `available`.
    static func action(in spec: ServiceSpec) -> String? {
        spec.resources.lifecycle(of: .dbCluster)?.actions.first { $0.reaches == "available" }?.operation
    }
}
