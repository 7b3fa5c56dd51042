import ConformanceSpec

/// Validation: one log type may be enabled and disabled in the same request (the `disjoint` rules).
struct AcceptLogTypeBothWays: FaultDecorator {
    var summary: String { "accepts a log type enabled and disabled in one request" }
    var skippedChecks: Set<String> { ["rule:disjoint"] }

    func brokenItems(in spec: ServiceSpec) -> [String] { spec.ruleItems(keyword: "disjoint") }
}
