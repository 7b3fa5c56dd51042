import ConformanceSpec

/// Tags: the tags added to an existing resource are never stored, so its tag list stays empty (a mock that answers
/// AddTagsToResource with success and keeps nothing).
struct ForgetTags: FaultDecorator {
    var summary: String { "never stores tags: AddTagsToResource succeeds, none are listed" }
    var operations: [String] { ["ListTagsForResource"] }

    func brokenItems(in spec: ServiceSpec) -> [String] { TagScenarios.items(in: spec) }

    func acting(on request: inout Request, of operation: String) {
        guard operation == "AddTagsToResource" else { return }
        request.parameters = request.parameters.map { $0.name == "Tags" ? Parameter("Tags", .list([])) : $0 }
    }
}

/// The scenarios that add tags to a resource, remove one and list them (`scenarios.yaml`).
enum TagScenarios {
    static func items(in spec: ServiceSpec) -> [String] {
        spec.scenarios.filter { $0.name.hasSuffix("-tags-added-listed-removed") }.map(\.item.text)
    }
}
