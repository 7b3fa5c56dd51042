import ConformanceSpec

/// Validation: a value outside the service's catalogue (an engine version it does not offer) is accepted.
struct AcceptUnknownEngineVersion: FaultDecorator {
    var summary: String { "accepts engine versions the service does not offer" }
    var skippedChecks: Set<String> { ["catalogue"] }

    func brokenItems(in spec: ServiceSpec) -> [String] { spec.constraintItems(keyword: "catalogue") }
}
