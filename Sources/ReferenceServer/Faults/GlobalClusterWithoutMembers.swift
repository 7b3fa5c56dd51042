import ConformanceSpec

/// Answers: `<GlobalCluster>` leaves `GlobalClusterMembers` out (the list of its clusters, empty when it has none:
/// Neptune API Reference GlobalCluster; shapes.yaml `presence: always`).
struct GlobalClusterWithoutMembers: FaultDecorator {
    var summary: String { "leaves GlobalClusterMembers out of GlobalCluster answers" }

    func brokenItems(in spec: ServiceSpec) -> [String] {
        [SpecItemID.shapeMember("GlobalCluster", "GlobalClusterMembers", aspect: "presence").text]
    }

    func rendering(result: inout String, of action: String, in spec: ServiceSpec) {
        var output = result
        while let start = output.range(of: "<GlobalClusterMembers") {
            let rest = output[start.upperBound...]
            let end = rest.hasPrefix("/>") ? rest.range(of: "/>") : rest.range(of: "</GlobalClusterMembers>")
            guard let end else { break }
            output.removeSubrange(start.lowerBound..<end.upperBound)
        }
        result = output
    }
}
