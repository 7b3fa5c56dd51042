import ConformanceSpec

/// State changes: a cluster renamed by ModifyDBCluster is still stored, and found, under its old identifier.
struct RenameKeepsOldName: FaultDecorator {
    var summary: String { "renames a cluster but still answers to its old identifier" }

    func brokenItems(in spec: ServiceSpec) -> [String] {
        spec.operations.flatMap { operation in
            // Cluster renames only: the hook changes clusters (an instance rename is not a ClusterChange).
            operation.parameters.members.filter {
                $0.renames != nil && spec.resources.kind(named: $0.name, in: operation) == .dbCluster
            }.map {
                SpecItemID.requestMember(operation.name, $0.name).text
            }
        }
    }

    func changing(_ change: inout ClusterChange) {
        if change.before.id != change.after.id { change.alsoStoredUnder.append(change.before.id) }
    }
}
