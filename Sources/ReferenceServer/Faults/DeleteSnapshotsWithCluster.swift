import ConformanceSpec

/// Scenarios: deleting a cluster deletes its manual snapshots too; the API reference says they are kept.
struct DeleteSnapshotsWithCluster: FaultDecorator {
    var summary: String { "deletes a cluster's manual snapshots with the cluster" }
    var operations: [String] { ["DescribeDBClusterSnapshots"] }

    func brokenItems(in spec: ServiceSpec) -> [String] {
        spec.scenarios.filter { $0.name == "snapshot-outlives-its-cluster" }.map(\.item.text)
    }

    var deletesSnapshotsWithCluster: Bool { true }
}
