import ConformanceSpec

/// Tags: a request's `TagKeys` (the keys RemoveTagsFromResource removes, the one operation that takes them) are
/// dropped: it answers success and removes nothing, so the removed tags are still listed.
struct KeepRemovedTags: FaultDecorator {
    var summary: String { "keeps tags RemoveTagsFromResource removes: they are still listed" }

    func brokenItems(in spec: ServiceSpec) -> [String] { TagScenarios.items(in: spec) }

    func acting(on request: inout Request, of operation: String, in spec: ServiceSpec) {
        request.parameters = request.parameters.map { $0.name == "TagKeys" ? Parameter("TagKeys", .list([])) : $0 }
    }
}
