import ConformanceSpec

/// Preconditions: a cluster without a reader is failed over (`hasReader`).
struct FailoverWithoutReplica: FaultDecorator {
    var summary: String { "fails over a cluster that has no reader" }

    func brokenItems(in spec: ServiceSpec) -> [String] {
        spec.preconditionItems { $1.kind == .hasReader }
    }

    func waives(_ failure: PreconditionFailure, in spec: ServiceSpec) -> Bool {
        failure.condition.kind == .hasReader
    }
}
