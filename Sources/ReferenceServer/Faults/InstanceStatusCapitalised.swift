import ConformanceSpec

/// Answers: the create of DB instances (CreateDBInstance, as resources.yaml names it) answers the new instance's
/// `DBInstanceStatus` as `Creating` (statuses are lower-case words: vocabularies.yaml `InstanceStatus`, the model's
/// waiters). Later answers are right, so waits still end.
struct InstanceStatusCapitalised: FaultDecorator {
    var summary: String { "answers CreateDBInstance with DBInstanceStatus Creating (wrong case)" }

    func brokenItems(in spec: ServiceSpec) -> [String] {
        [SpecItemID.shapeMember("DBInstance", "DBInstanceStatus", aspect: "values").text]
    }

    func rendering(result: inout String, of action: String, in spec: ServiceSpec) {
        guard spec.resources.creations(by: action).contains(where: { $0.kind == .dbInstance }) else { return }
        result = ResultText.mapValues(of: "DBInstanceStatus", in: result) { $0.capitalized }
    }
}
