import ConformanceSpec

/// Answers: the describe of cluster endpoints (DescribeDBClusterEndpoints, as resources.yaml names it) lists
/// `EndpointType` in lower case (`writer`, `reader`, `custom`); the model says "One of: READER, WRITER, CUSTOM".
struct EndpointTypeLowercase: FaultDecorator {
    var summary: String { "lists cluster endpoints with EndpointType in lower case" }

    func brokenItems(in spec: ServiceSpec) -> [String] {
        [SpecItemID.shapeMember("DBClusterEndpoint", "EndpointType", aspect: "values").text]
    }

    func rendering(result: inout String, of action: String, in spec: ServiceSpec) {
        guard spec.resources.lifecycle(describedBy: action)?.kind == .dbClusterEndpoint else { return }
        result = ResultText.mapValues(of: "EndpointType", in: result) { $0.lowercased() }
    }
}
