import ConformanceSpec

/// Preconditions: the `default.<family>` parameter groups, which the service keeps in every region, are modified,
/// reset and deleted like any other (`notDefault`).
struct ChangeDefaultParameterGroups: FaultDecorator {
    var summary: String { "lets default.<family> parameter groups be modified, reset and deleted" }

    func brokenItems(in spec: ServiceSpec) -> [String] {
        spec.preconditionItems { _, condition in
            if case .notDefault = condition.kind { true } else { false }
        }
    }

    func waives(_ failure: PreconditionFailure, in spec: ServiceSpec) -> Bool {
        if case .notDefault = failure.condition.kind { true } else { false }
    }
}
