import ConformanceSpec
import QueryProtocol

/// Answers: `<DBClusterSnapshot>`'s ARN names the resource type `snapshot` (a DB instance snapshot's), not
/// `cluster-snapshot` (Neptune User Guide, tagging-arns-constructing: `arn:aws:rds:<region>:<account>:cluster-snapshot:<name>`).
struct SnapshotArnOfInstanceSnapshot: FaultDecorator {
    var summary: String { "answers snapshot ARNs of resource type snapshot, not cluster-snapshot" }

    func brokenItems(in spec: ServiceSpec) -> [String] {
        [SpecItemID.shapeMember("DBClusterSnapshot", "DBClusterSnapshotArn", aspect: "derive").text]
    }

    func rendering(snapshotMembers: inout [String: ParameterValue]) {
        guard case .scalar(let arn)? = snapshotMembers["DBClusterSnapshotArn"] else { return }
        snapshotMembers["DBClusterSnapshotArn"] = .scalar(
            arn.replacingOccurrences(of: ":cluster-snapshot:", with: ":snapshot:"))
    }
}
