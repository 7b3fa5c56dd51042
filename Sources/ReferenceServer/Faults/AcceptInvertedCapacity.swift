import ConformanceSpec

/// Validation: MinCapacity may exceed MaxCapacity (the `ordered` rules).
struct AcceptInvertedCapacity: FaultDecorator {
    var summary: String { "accepts MinCapacity above MaxCapacity" }
    var skippedChecks: Set<String> { ["rule:ordered"] }

    func brokenItems(in spec: ServiceSpec) -> [String] { spec.ruleItems(keyword: "ordered") }
}
