import ConformanceSpec

/// Answers: DescribeDBClusterEndpoints lists `EndpointType` in lower case (`writer`, `reader`, `custom`); the model
/// says "One of: READER, WRITER, CUSTOM".
struct EndpointTypeLowercase: FaultDecorator {
    var summary: String { "lists cluster endpoints with EndpointType in lower case" }
    var operations: [String] { ["DescribeDBClusterEndpoints"] }

    func brokenItems(in spec: ServiceSpec) -> [String] {
        [SpecItemID.shapeMember("DBClusterEndpoint", "EndpointType", aspect: "values").text]
    }

    func rendering(result: inout String, of action: String) {
        guard action == "DescribeDBClusterEndpoints" else { return }
        result = ResultText.mapValues(of: "EndpointType", in: result) { $0.lowercased() }
    }
}
