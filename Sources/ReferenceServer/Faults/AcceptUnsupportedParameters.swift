import ConformanceSpec

/// Validation: parameters Neptune does not support are accepted (the `unsupported` items).
struct AcceptUnsupportedParameters: FaultDecorator {
    var summary: String { "accepts parameters Neptune does not support" }
    var skippedChecks: Set<String> { ["unsupported"] }

    func brokenItems(in spec: ServiceSpec) -> [String] { spec.unsupportedItems }
}
