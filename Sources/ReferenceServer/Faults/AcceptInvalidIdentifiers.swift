import ConformanceSpec

/// Validation: identifiers need not follow the AWS identifier rules (the `identifier` constraints).
struct AcceptInvalidIdentifiers: FaultDecorator {
    var summary: String { "accepts malformed identifiers" }
    var skippedChecks: Set<String> { ["identifier"] }

    func brokenItems(in spec: ServiceSpec) -> [String] { spec.constraintItems(keyword: "identifier") }
}
