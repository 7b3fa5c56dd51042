import ConformanceSpec

/// Preconditions: StopDBCluster stops a cluster in any state (its `state` precondition).
struct StopStoppedCluster: FaultDecorator {
    var summary: String { "stops a cluster that is already stopped" }

    func brokenItems(in spec: ServiceSpec) -> [String] {
        spec.preconditionItems { $0.name == Self.action(in: spec) && $1.keyword == "state" }
    }

    func waives(_ failure: PreconditionFailure, in spec: ServiceSpec) -> Bool {
        failure.operation == Self.action(in: spec) && failure.condition.keyword == "state"
    }

    /// StopDBCluster: the DB cluster action resources.yaml says leaves a cluster `stopped`.
    static func action(in spec: ServiceSpec) -> String? {
        spec.resources.lifecycle(of: .dbCluster)?.actions.first { $0.reaches == "stopped" }?.operation
    }
}
