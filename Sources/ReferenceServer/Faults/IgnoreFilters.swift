import ConformanceSpec

/// Answers: a describe answer lists every resource whatever `Filters` names (the filters are accepted, and their
/// names still checked, but narrow nothing).
struct IgnoreFilters: FaultDecorator {
    var summary: String { "accepts Filters but narrows nothing with them" }

    /// The filters were judged (names, values); the describe then sees none.
    func acting(on request: inout Request, of operation: String, in spec: ServiceSpec) {
        request.parameters.removeAll { $0.name == "Filters" }
    }

    func brokenItems(in spec: ServiceSpec) -> [String] {
        // A filter by what names a resource leaves one of the set-up's two resources out; one both share
        // (their engine) lists both, filtered or not.
        spec.operations.flatMap { operation in
            let identifier = spec.resources.lifecycle(describedBy: operation.name)?.describe.identifier
            return operation.filters.filter { $0.matches.contains { $0 == identifier } }.map {
                $0.item(operation: operation.name).text
            }
        }
    }
}
