import ConformanceSpec

/// Preconditions: a cluster with deletion protection on is deleted (`notDeletionProtected`).
struct DeleteProtectedCluster: FaultDecorator {
    var summary: String { "deletes clusters that have deletion protection on" }

    func brokenItems(in spec: ServiceSpec) -> [String] {
        spec.preconditionItems { $1.kind == .notDeletionProtected }
    }

    func waives(_ failure: PreconditionFailure, in spec: ServiceSpec) -> Bool {
        failure.condition.kind == .notDeletionProtected
    }
}
