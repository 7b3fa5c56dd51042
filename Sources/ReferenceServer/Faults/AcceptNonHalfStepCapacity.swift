import ConformanceSpec

/// Validation: NCU capacities need not be multiples of 0.5 (the `step` constraints).
struct AcceptNonHalfStepCapacity: FaultDecorator {
    var summary: String { "accepts NCU capacities that are not multiples of 0.5" }
    var skippedChecks: Set<String> { ["step"] }

    func brokenItems(in spec: ServiceSpec) -> [String] { spec.constraintItems(keyword: "step") }
}
