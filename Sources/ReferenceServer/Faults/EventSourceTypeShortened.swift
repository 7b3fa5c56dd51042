import ConformanceSpec

/// Answers: DescribeEvents names a cluster event's `SourceType` `cluster`, not `db-cluster` (the model's enum
/// SourceType: db-instance, db-parameter-group, db-security-group, db-snapshot, db-cluster, db-cluster-snapshot).
struct EventSourceTypeShortened: FaultDecorator {
    var summary: String { "lists events with SourceType cluster, not db-cluster" }
    var operations: [String] { ["DescribeEvents"] }

    func brokenItems(in spec: ServiceSpec) -> [String] {
        [SpecItemID.shapeMember("Event", "SourceType", aspect: "values").text]
    }

    func rendering(result: inout String, of action: String) {
        guard action == "DescribeEvents" else { return }
        result = ResultText.mapValues(of: "SourceType", in: result) { $0 == "db-cluster" ? "cluster" : $0 }
    }
}
