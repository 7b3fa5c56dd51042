import ConformanceSpec

/// Answers: a global cluster's ARN names a region (`arn:aws:rds:us-east-1:…:global-cluster:…`); global cluster ARNs
/// have none, `arn:aws:rds::<account>:global-cluster:<name>` (Aurora User Guide, Constructing an ARN for Amazon RDS).
struct GlobalClusterArnWithRegion: FaultDecorator {
    var summary: String { "answers a global cluster's ARN with a region in it" }

    func brokenItems(in spec: ServiceSpec) -> [String] {
        [SpecItemID.shapeMember("GlobalCluster", "GlobalClusterArn", aspect: "derive").text]
    }

    func rendering(result: inout String, of action: String, in spec: ServiceSpec) {
        result = ResultText.mapValues(of: "GlobalClusterArn", in: result) {
            $0.replacingOccurrences(of: "arn:aws:rds::", with: "arn:aws:rds:us-east-1:")
        }
    }
}
