import ConformanceSpec

/// Preconditions: a DB instance is created in a cluster that does not exist (cluster membership ignored).
struct InstanceInMissingCluster: FaultDecorator {
    var summary: String { "creates a DB instance in a cluster that does not exist" }
    var operations: [String] { ["CreateDBInstance"] }

    func brokenItems(in spec: ServiceSpec) -> [String] {
        spec.preconditionItems { operation, condition in
            operation.name == "CreateDBInstance" && condition.kind == .exists(.dbCluster)
        }
    }

    func waives(_ failure: PreconditionFailure) -> Bool {
        failure.operation == "CreateDBInstance" && failure.condition.kind == .exists(.dbCluster)
    }
}
