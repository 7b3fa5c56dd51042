import ConformanceSpec
import QueryProtocol

/// Answers: `<DBCluster>`'s `AllocatedStorage` is 0, where the API document says it always returns 1 (moto does this).
struct AllocatedStorageZero: FaultDecorator {
    var summary: String { "answers AllocatedStorage 0 where the document fixes 1" }

    func brokenItems(in spec: ServiceSpec) -> [String] {
        [SpecItemID.shapeMember("DBCluster", "AllocatedStorage").text]
    }

    func rendering(members: inout [String: ParameterValue], of kind: ResourceKind) {
        guard kind == .dbCluster else { return }
        members["AllocatedStorage"] = .scalar("0")
    }
}
