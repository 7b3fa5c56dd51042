import ConformanceSpec
import QueryProtocol

/// Answers: `<DBClusterSnapshot>`'s `PercentProgress` is text ("100%"), as `DBCluster.PercentProgress` is, though the
/// snapshot's is an integer (NEPTUNE-FACTS-2 §3.12 quirk 4).
struct PercentProgressAsText: FaultDecorator {
    var summary: String { "writes a cluster snapshot's PercentProgress as text, not an integer" }

    func brokenItems(in spec: ServiceSpec) -> [String] {
        [SpecItemID.shapeMember("DBClusterSnapshot", "PercentProgress", aspect: "type").text]
    }

    func rendering(members: inout [String: ParameterValue], of kind: ResourceKind) {
        guard kind == .dbClusterSnapshot else { return }
        members["PercentProgress"] = .scalar("100%")
    }
}
