import ConformanceSpec
import QueryProtocol

/// Answers: `<DBCluster>` leaves `Status` out. Set-up steps that wait for a cluster's state read it, so
/// cases with such steps cannot be set up (they error).
struct MissingResponseMember: FaultDecorator {
    var summary: String { "leaves Status out of DBCluster answers" }

    func brokenItems(in spec: ServiceSpec) -> [String] { [SpecItemID.shapeMember("DBCluster", "Status").text] }

    func rendering(members: inout [String: ParameterValue], of kind: ResourceKind) {
        guard kind == .dbCluster else { return }
        members["Status"] = nil
    }
}
