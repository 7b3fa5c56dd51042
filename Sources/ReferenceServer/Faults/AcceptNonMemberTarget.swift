import ConformanceSpec

/// Preconditions: a global cluster's switchover, failover or detach takes a cluster that is no member of it, or its
/// writer while secondaries remain (the `memberOf` preconditions, NEPTUNE-FACTS-2 rows 136, 138 and 139).
struct AcceptNonMemberTarget: FaultDecorator {
    var summary: String { "takes a global cluster's non-member or writer as a switchover target" }

    func brokenItems(in spec: ServiceSpec) -> [String] {
        spec.preconditionItems { if case .memberOf = $1.kind { true } else { false } }
    }

    func waives(_ failure: PreconditionFailure, in spec: ServiceSpec) -> Bool {
        if case .memberOf = failure.condition.kind { true } else { false }
    }
}
