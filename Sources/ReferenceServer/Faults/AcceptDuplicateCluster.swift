import ConformanceSpec

/// Preconditions: a cluster identifier that is taken may be used again (the `absent` preconditions on DB
/// clusters); the new cluster replaces the old one in the store.
struct AcceptDuplicateCluster: FaultDecorator {
    var summary: String { "creates a cluster whose identifier is taken, replacing it" }

    func brokenItems(in spec: ServiceSpec) -> [String] {
        spec.preconditionItems { $1.kind == .absent(.dbCluster) }
    }

    func waives(_ failure: PreconditionFailure, in spec: ServiceSpec) -> Bool {
        failure.condition.kind == .absent(.dbCluster)
    }
}
