import ConformanceSpec

/// Tags: the tags added to an existing resource (by an operation that creates nothing, as resources.yaml says) are
/// never stored, so its tag list stays empty (a mock that answers AddTagsToResource with success and keeps nothing);
/// tags given to a resource as it is created are kept.
struct ForgetTags: FaultDecorator {
    var summary: String { "never stores tags: AddTagsToResource succeeds, none are listed" }

    func brokenItems(in spec: ServiceSpec) -> [String] { TagScenarios.items(in: spec) }

    func acting(on request: inout Request, of operation: String, in spec: ServiceSpec) {
        guard !spec.resources.creates(operation) else { return }
        request.parameters = request.parameters.map { $0.name == "Tags" ? Parameter("Tags", .list([])) : $0 }
    }
}

/// The scenarios that add tags to a resource, remove one and list them (`scenarios.yaml`).
enum TagScenarios {
    static func items(in spec: ServiceSpec) -> [String] {
        spec.scenarios.filter { $0.name.hasSuffix("-tags-added-listed-removed") }.map(\.item.text)
    }
}
