import ConformanceSpec

/// Scenarios: deleting a cluster deletes its manual snapshots too; the API reference says they are kept.
struct DeleteSnapshotsWithCluster: FaultDecorator {
    var summary: String { "deletes a cluster's manual snapshots with the cluster" }

    func brokenItems(in spec: ServiceSpec) -> [String] {
        spec.scenarios.filter { $0.name == "snapshot-outlives-its-cluster" }.map(\.item.text)
    }

    /// After a cluster's delete, a delete of each snapshot taken of it (the deletes resources.yaml names).
    func followUps(after operation: String, _ request: Request, in state: EmulatorContractState) -> [Request] {
        guard let deletion = state.resources.deletion(by: operation), deletion.lifecycle.kind == .dbCluster,
            case .scalar(let name)? = request.value(at: deletion.parameter), let cluster = state.record(name)?.id,
            let snapshotDelete = state.resources.lifecycle(of: .dbClusterSnapshot)?.delete
        else { return [] }
        let snapshots = state.specResources.records(.dbClusterSnapshot)
        return snapshots.values.filter { $0.members.text("DBClusterIdentifier") == cluster }.map(\.id).sorted().map {
            Request(
                operation: snapshotDelete.operation, parameters: [Parameter(snapshotDelete.identifier, .scalar($0))])
        }
    }
}
