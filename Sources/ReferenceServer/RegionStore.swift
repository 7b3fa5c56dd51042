import Foundation

/// What the emulator holds in one region: clusters, instances, snapshots, subnet groups and tags, and the creation
/// counter. Regions share nothing, as on the real service.
struct RegionStore: Sendable {
    var clusters = ClusterStore()
    var instances = RecordStore<InstanceRecord>()
    var snapshots: [String: SnapshotRecord] = [:]
    var parameterGroups = ParameterGroupStore()
    var sequence = 0
    var subnetsTagsRoles = SubnetsTagsRolesStore()
    var endpointsMaintenance = EndpointsMaintenanceStore()
    var events = EventsStore()
}

/// The region of a request: the third field of its SigV4 credential scope
/// (`Credential=KEY/20261129/us-east-2/rds/aws4_request`, in the Authorization header or `X-Amz-Credential`).
public enum RequestRegion {
    static func of(headers: [(String, String)], query: String) -> String? {
        var credential: String?
        if let authorization = headers.first(where: { $0.0.lowercased() == "authorization" })?.1,
            let range = authorization.range(of: "Credential=")
        {
            credential = String(authorization[range.upperBound...].prefix { $0 != "," && $0 != " " })
        } else if let range = query.range(of: "X-Amz-Credential=") {
            credential = String(query[range.upperBound...].prefix { $0 != "&" }).removingPercentEncoding
        }
        let scope = credential?.split(separator: "/").map(String.init) ?? []
        guard scope.count == 5, isRegionName(scope[2]) else { return nil }
        return scope[2]
    }

    /// Lower-case letters, digits and hyphens, as every AWS region name is (`us-east-2`, `eu-central-1`).
    public static func isRegionName(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 32
            && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
