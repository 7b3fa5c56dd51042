import ConformanceSpec
import QueryProtocol

/// Answers: `<DBCluster>`'s `Port` is text that is not an integer.
struct WrongElementType: FaultDecorator {
    var summary: String { "writes Port as text that is not an integer" }

    func brokenItems(in spec: ServiceSpec) -> [String] {
        [SpecItemID.shapeMember("DBCluster", "Port", aspect: "type").text]
    }

    func rendering(members: inout [String: ParameterValue], of kind: ResourceKind) {
        guard kind == .dbCluster else { return }
        members["Port"] = .scalar("port-8182")
    }
}
