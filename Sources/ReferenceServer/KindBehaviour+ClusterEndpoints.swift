import ConformanceSpec
import Foundation

/// Custom cluster endpoints are served by the resource engine (identifiers, transitions, the vocabulary filters);
/// what is theirs alone is here (NEPTUNE-FACTS-2 §2.10, §3.8). The spec has judged the request's constraints
/// (EndpointType READER or ANY), rules (one member list) and preconditions (the endpoint, the cluster and the member
/// instances exist) before. A custom endpoint is `CUSTOM` and belongs to its cluster (stored identifier); a cluster
/// takes at most five; its members are instances of that cluster, lower-cased, and a list given replaces both lists
/// (an endpoint holds one kind); only an `available` endpoint is modified. A describe lists each cluster's built-in
/// WRITER and READER endpoints too. An endpoint goes with its cluster, and a deleted instance leaves its lists.
extension KindBehaviour {
    /// Custom endpoints per cluster: no Neptune source gives the number; Aurora material says 5 (NEPTUNE-FACTS-2 §3.6).
    static let customEndpointsPerCluster = 5

    static let clusterEndpoints = KindBehaviour(
        listing: { emulator in
            emulator.clusters.values.sorted { $0.id < $1.id }.flatMap(builtInEndpoints)
        },
        completing: { emulator, members, request, phase in
            let id = members.text("DBClusterEndpointIdentifier") ?? ""
            switch phase {
            case .create:
                guard let parent = emulator.cluster(named: members.text("DBClusterIdentifier") ?? "") else {
                    return Refusal(code: "DBClusterNotFoundFault", message: "DBCluster not found.")
                }
                let existing = emulator.specResources.records(.dbClusterEndpoint).values.count {
                    $0.members.text("DBClusterIdentifier") == parent.id
                }
                if existing >= customEndpointsPerCluster {
                    return Refusal(
                        code: "DBClusterEndpointQuotaExceededFault",
                        message: "DB cluster \(parent.id) already has \(customEndpointsPerCluster) custom endpoints.")
                }
                members["DBClusterIdentifier"] = .scalar(parent.id)
                members["Endpoint"] = .scalar(
                    "\(id).cluster-custom-c0nf0rm4nce.\(emulator.region).neptune.amazonaws.com")
                // The engine numbers the new record next: the identifier is made from that number.
                members["DBClusterEndpointResourceIdentifier"] = .scalar(
                    "cluster-endpoint-"
                        + String(format: "%020llx", UInt64(emulator.sequence + 1) &* 0x9E37_79B9_7F4A).uppercased())
            case .modify:
                // [model] InvalidDBClusterEndpointStateFault; NEPTUNE-FACTS-2 row 149 (an endpoint still creating).
                let status = members.text("Status") ?? ""
                guard status == "available" else {
                    return Refusal(
                        code: "InvalidDBClusterEndpointStateFault",
                        message: "DBClusterEndpoint \(id) is in \(status) state but expected it to be available.")
                }
            case .delete:
                return nil
            }
            // The request's EndpointType is the custom endpoint's type; the endpoint itself is CUSTOM.
            members["CustomEndpointType"] =
                request.value(at: "EndpointType") ?? members["CustomEndpointType"] ?? .scalar("ANY")
            members["EndpointType"] = .scalar("CUSTOM")
            return memberLists(emulator, &members, request)
        },
        keeping: { emulator, record in
            guard let cluster = record.members.text("DBClusterIdentifier"), emulator.clusters[cluster] != nil else {
                return false
            }
            if !emulator.decorators.contains(where: { $0.keepsReferences(to: .dbInstance, in: .dbClusterEndpoint) }) {
                for list in ["StaticMembers", "ExcludedMembers"] {
                    record.members[list] = .list(
                        record.members.texts(list).filter { emulator.specResources.record(.dbInstance, $0) != nil }.map
                        { .scalar($0) })
                }
            }
            return true
        })

    /// Sets the endpoint's member lists from the request (instance identifiers lower-cased): a list given replaces
    /// both, and an instance of another cluster is refused (inferred: an endpoint groups instances of its own cluster,
    /// UG feature-overview-endpoints). A new endpoint without lists shows both empty.
    private static func memberLists(
        _ emulator: isolated NeptuneEmulator, _ members: inout [String: ParameterValue], _ request: Request
    ) -> Refusal? {
        let cluster = members.text("DBClusterIdentifier") ?? ""
        for list in ["StaticMembers", "ExcludedMembers"] {
            members[list] = members[list] ?? .list([])
            guard let value = request.value(at: list) else { continue }
            let given = NeptuneEmulator.strings(value).map { emulator.storedKey(.dbInstance, $0) }
            if let foreign = given.first(where: {
                emulator.specResources.record(.dbInstance, $0)?.members.text("DBClusterIdentifier") != cluster
            }) {
                return Refusal(
                    code: "InvalidParameterValue",
                    message: "DB instance \(foreign) is not a member of DB cluster \(cluster).")
            }
            members["StaticMembers"] = .list([])
            members["ExcludedMembers"] = .list([])
            members[list] = .list(given.map { .scalar($0) })
        }
        return nil
    }

    /// A cluster's built-in endpoints: the cluster (writer) endpoint and the reader endpoint, with only the members the
    /// AWS CLI example of describe-db-cluster-endpoints shows for them (RDS; inferred for Neptune). Ordered before the
    /// custom endpoints, by cluster and type.
    static func builtInEndpoints(of record: ClusterRecord) -> [SpecResourceRecord] {
        let status = ["creating", "deleting"].contains(record.status) ? record.status : "available"
        return [("WRITER", "Endpoint"), ("READER", "ReaderEndpoint")].map { type, member in
            SpecResourceRecord(
                id: "\u{1}\(record.id):\(type.lowercased())",
                members: [
                    "DBClusterIdentifier": .scalar(record.id), "Endpoint": record.attributes[member] ?? .scalar(""),
                    "Status": .scalar(status), "EndpointType": .scalar(type),
                ],
                sequence: 0)
        }
    }
}
