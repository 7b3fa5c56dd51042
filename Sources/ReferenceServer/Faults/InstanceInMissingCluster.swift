import ConformanceSpec

/// Preconditions: a DB instance is created in a cluster that does not exist (cluster membership ignored).
struct InstanceInMissingCluster: FaultDecorator {
    var summary: String { "creates a DB instance in a cluster that does not exist" }

    func brokenItems(in spec: ServiceSpec) -> [String] {
        spec.preconditionItems { operation, condition in
            Self.createsInstance(operation.name, in: spec) && condition.kind == .exists(.dbCluster)
        }
    }

    func waives(_ failure: PreconditionFailure, in spec: ServiceSpec) -> Bool {
        Self.createsInstance(failure.operation, in: spec) && failure.condition.kind == .exists(.dbCluster)
    }

    /// True for the create of DB instances (CreateDBInstance), as resources.yaml names it.
    static func createsInstance(_ operation: String, in spec: ServiceSpec) -> Bool {
        spec.resources.creations(by: operation).contains { $0.kind == .dbInstance }
    }
}
