import ConformanceSpec

/// Validation: the backup and maintenance windows may overlap (the `disjointWindows` rules).
struct AcceptOverlappingWindows: FaultDecorator {
    var summary: String { "accepts backup and maintenance windows that overlap" }
    var skippedChecks: Set<String> { ["rule:disjointWindows"] }

    func brokenItems(in spec: ServiceSpec) -> [String] { spec.ruleItems(keyword: "disjointWindows") }
}
