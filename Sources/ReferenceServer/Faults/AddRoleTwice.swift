import ConformanceSpec

/// Preconditions: a role already associated with a cluster is associated again (the `notAssociated` precondition
/// of AddRoleToDBCluster); the cluster then lists it twice.
struct AddRoleTwice: FaultDecorator {
    var summary: String { "associates an IAM role that is already associated with the cluster again" }

    func brokenItems(in spec: ServiceSpec) -> [String] {
        spec.preconditionItems { if case .notAssociated = $1.kind { true } else { false } }
    }

    func waives(_ failure: PreconditionFailure, in spec: ServiceSpec) -> Bool {
        if case .notAssociated = failure.condition.kind { true } else { false }
    }
}
