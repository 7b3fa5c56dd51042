import ConformanceSpec
import QueryProtocol

/// Answers: `<DBClusterSnapshot>`'s ARN names the resource type `snapshot` (a DB instance snapshot's), not
/// `cluster-snapshot` (Neptune User Guide, tagging-arns-constructing: `arn:aws:rds:<region>:<account>:cluster-snapshot:<name>`).
struct SnapshotArnOfInstanceSnapshot: FaultDecorator {
    var summary: String { "answers snapshot ARNs of resource type snapshot, not cluster-snapshot" }

    func brokenItems(in spec: ServiceSpec) -> [String] {
        [SpecItemID.shapeMember("DBClusterSnapshot", "DBClusterSnapshotArn", aspect: "derive").text]
    }

    func rendering(members: inout [String: ParameterValue], of kind: ResourceKind) {
        guard kind == .dbClusterSnapshot else { return }
        guard case .scalar(let arn)? = members["DBClusterSnapshotArn"] else { return }
        members["DBClusterSnapshotArn"] = .scalar(
            arn.replacingOccurrences(of: ":cluster-snapshot:", with: ":snapshot:"))
    }
}
