import ConformanceSpec

/// Answers: a describe answer lists every resource whatever `Filters` names (the filters are accepted, and their
/// names still checked, but narrow nothing).
struct IgnoreFilters: FaultDecorator {
    var summary: String { "accepts Filters but narrows nothing with them" }
    var operations: [String] { ["DescribeDBClusters"] }
    var ignoresFilters: Bool { true }

    func brokenItems(in spec: ServiceSpec) -> [String] {
        spec.operations.flatMap { operation in operation.filters.map { $0.item(operation: operation.name).text } }
    }
}
