import ConformanceSpec

/// Answers: a cluster's `ReaderEndpoint` host names another region than the one the cluster is in (hosts are
/// `<id>.cluster-ro-<hash>.<region>.<service>.amazonaws.com`: Facts/real-aws DescribeDBClusters-2.xml and others).
struct ReaderEndpointInAnotherRegion: FaultDecorator {
    var summary: String { "answers a cluster's ReaderEndpoint with a host in another region" }

    func brokenItems(in spec: ServiceSpec) -> [String] {
        [SpecItemID.shapeMember("DBCluster", "ReaderEndpoint", aspect: "derive").text]
    }

    func rendering(result: inout String, of action: String, in spec: ServiceSpec) {
        result = ResultText.mapValues(of: "ReaderEndpoint", in: result) { host in
            var labels = host.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard labels.count > 3 else { return host }
            labels[2] = labels[2] == "us-west-2" ? "us-east-1" : "us-west-2"
            return labels.joined(separator: ".")
        }
    }
}
