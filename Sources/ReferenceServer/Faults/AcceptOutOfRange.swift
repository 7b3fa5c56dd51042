import ConformanceSpec

/// Validation: numbers may lie outside their documented range (the `range` constraints).
struct AcceptOutOfRange: FaultDecorator {
    var summary: String { "accepts numbers outside their documented range" }
    var skippedChecks: Set<String> { ["range"] }

    func brokenItems(in spec: ServiceSpec) -> [String] { spec.constraintItems(keyword: "range") }
}
