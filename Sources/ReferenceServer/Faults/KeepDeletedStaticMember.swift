import ConformanceSpec

/// Scenarios: a deleted instance stays in the static and exclusion lists of its cluster's custom endpoints; an
/// instance no longer in the cluster is no longer part of the endpoint's group (NEPTUNE-FACTS-2 §3.8).
struct KeepDeletedStaticMember: FaultDecorator {
    var summary: String { "keeps a deleted instance in custom endpoints' static lists" }

    func brokenItems(in spec: ServiceSpec) -> [String] {
        spec.scenarios.filter { $0.name == "endpoint-forgets-deleted-static-member" }.map(\.item.text)
    }

    func keepsReferences(to deleted: ResourceKind, in owner: ResourceKind) -> Bool {
        deleted == .dbInstance && owner == .dbClusterEndpoint
    }
}
