import ConformanceSpec

/// Tags: RemoveTagsFromResource answers success and removes nothing, so the removed tags are still listed.
struct KeepRemovedTags: FaultDecorator {
    var summary: String { "keeps tags RemoveTagsFromResource removes: they are still listed" }
    var operations: [String] { ["ListTagsForResource"] }

    func brokenItems(in spec: ServiceSpec) -> [String] { TagScenarios.items(in: spec) }

    func acting(on request: inout Request, of operation: String) {
        guard operation == "RemoveTagsFromResource" else { return }
        request.parameters = request.parameters.map { $0.name == "TagKeys" ? Parameter("TagKeys", .list([])) : $0 }
    }
}
