import ConformanceSpec

/// Answers: CreateDBCluster answers the new cluster's `Status` as `Creating` (statuses are lower-case words:
/// vocabularies.yaml `ClusterStatus`, Facts/real-aws CreateDBCluster-2.xml `creating`). Later answers are right, so
/// set-up waits still end.
struct CreateStatusCapitalised: FaultDecorator {
    var summary: String { "answers CreateDBCluster with Status Creating (wrong case)" }

    func brokenItems(in spec: ServiceSpec) -> [String] {
        [SpecItemID.shapeMember("DBCluster", "Status", aspect: "values").text]
    }

    func rendering(result: inout String, of action: String, in spec: ServiceSpec) {
        // The create resources.yaml's set-up makes clusters with (CreateDBCluster); restores answer right.
        guard action == spec.resources.lifecycle(of: .dbCluster)?.setup.create.operation else { return }
        result = result.replacingOccurrences(of: "<Status>creating</Status>", with: "<Status>Creating</Status>")
    }
}
