import ConformanceSpec

/// Validation: a static engine parameter is accepted with ApplyMethod `immediate` (`engineApplyMethods`), as an
/// emulator that ignores the apply method does.
struct AcceptImmediateStaticParameters: FaultDecorator {
    var summary: String { "accepts ApplyMethod immediate for static engine parameters" }
    var skippedChecks: Set<String> { ["rule:engineApplyMethods"] }

    func brokenItems(in spec: ServiceSpec) -> [String] { spec.ruleItems(keyword: "engineApplyMethods") }
}
