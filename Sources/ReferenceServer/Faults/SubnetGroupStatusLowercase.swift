import ConformanceSpec

/// Answers: `<SubnetGroupStatus>` says `complete`, not `Complete` (the RDS sample answers' word; vocabularies.yaml
/// `SubnetGroupStatus`), in every answer that lists a subnet group.
struct SubnetGroupStatusLowercase: FaultDecorator {
    var summary: String { "answers a subnet group's SubnetGroupStatus in lower case (complete)" }

    func brokenItems(in spec: ServiceSpec) -> [String] {
        [SpecItemID.shapeMember("DBSubnetGroup", "SubnetGroupStatus", aspect: "values").text]
    }

    func rendering(result: inout String, of action: String, in spec: ServiceSpec) {
        result = ResultText.mapValues(of: "SubnetGroupStatus", in: result) { $0.lowercased() }
    }
}
