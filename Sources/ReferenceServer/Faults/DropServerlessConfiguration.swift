import ConformanceSpec
import QueryProtocol

/// Answers: `<DBCluster>` leaves `ServerlessV2ScalingConfiguration` out, so the scaling range a request
/// sets never shows: the fault breaks that parameter of every operation that takes it.
struct DropServerlessConfiguration: FaultDecorator {
    var summary: String { "leaves ServerlessV2ScalingConfiguration out of DBCluster answers" }

    func brokenItems(in spec: ServiceSpec) -> [String] {
        spec.requestItems(parameter: "ServerlessV2ScalingConfiguration")
    }

    func rendering(members: inout [String: ParameterValue], of kind: ResourceKind) {
        guard kind == .dbCluster else { return }
        members["ServerlessV2ScalingConfiguration"] = nil
    }
}
