import ConformanceSpec

/// Regions: one store for every region, and answers naming the server's own region (in ARNs, endpoints and
/// Availability Zones) whatever region the request is signed for.
struct IgnoreRegion: FaultDecorator {
    var summary: String { "keeps one store and names its own region whatever region is signed for" }

    func region(answering requested: String, home: String) -> String { home }

    /// The region rules, and the derived region of the one ARN a region case reads in another region's answers (a
    /// snapshot listed in the region of its cluster: shapes.yaml `derive:` with `{region}`).
    func brokenItems(in spec: ServiceSpec) -> [String] {
        spec.operations.filter { spec.resources.lifecycle(lookingUp: $0)?.regional == true }.map {
            SpecItemID.rule($0.name, "region").text
        } + [SpecItemID.shapeMember("DBClusterSnapshot", "DBClusterSnapshotArn", aspect: "derive").text]
    }
}
