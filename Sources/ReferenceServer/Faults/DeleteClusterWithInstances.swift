import ConformanceSpec

/// Preconditions: a cluster that still has DB instances is deleted (`hasNoInstances`).
struct DeleteClusterWithInstances: FaultDecorator {
    var summary: String { "deletes a cluster that still has DB instances" }

    func brokenItems(in spec: ServiceSpec) -> [String] {
        spec.preconditionItems { $1.kind == .hasNoInstances }
    }

    func waives(_ failure: PreconditionFailure, in spec: ServiceSpec) -> Bool {
        failure.condition.kind == .hasNoInstances
    }
}
