import ConformanceSpec

/// Answers: CreateDBCluster's `DBClusterArn` names the service `neptune` (`arn:aws:neptune:…`), though Neptune shares
/// RDS's ARN format, `arn:aws:rds:<region>:<account>:cluster:<name>` (Neptune User Guide, tagging-arns-constructing).
struct ClusterArnOfAnotherService: FaultDecorator {
    var summary: String { "answers CreateDBCluster with a DBClusterArn of service neptune, not rds" }

    func brokenItems(in spec: ServiceSpec) -> [String] {
        [SpecItemID.shapeMember("DBCluster", "DBClusterArn", aspect: "derive").text]
    }

    func rendering(result: inout String, of action: String, in spec: ServiceSpec) {
        // The create resources.yaml's set-up makes clusters with (CreateDBCluster); restores answer right.
        guard action == spec.resources.lifecycle(of: .dbCluster)?.setup.create.operation else { return }
        result = ResultText.mapValues(of: "DBClusterArn", in: result) {
            $0.replacingOccurrences(of: "arn:aws:rds:", with: "arn:aws:neptune:")
        }
    }
}
