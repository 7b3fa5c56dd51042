import ConformanceSpec
import Foundation
import QueryProtocol

/// The custom cluster endpoint operations (NEPTUNE-FACTS-2 §2.10, §3.8). The spec's evaluator has already judged
/// the request's constraints (EndpointType READER or ANY), rules (one member list) and preconditions (the endpoint,
/// cluster and member instances exist); these judge what the spec cannot hold (the quota, members of another
/// cluster, an endpoint not yet available), change the store and answer. DescribeDBClusterEndpoints lists each
/// cluster's built-in WRITER and READER endpoints besides the custom ones.
extension NeptuneEmulator {
    /// Custom endpoints per cluster: no Neptune source gives the number; Aurora material says 5 (NEPTUNE-FACTS-2 §3.6).
    static let customEndpointsPerCluster = 5

    func endpointArn(_ id: String) -> String {
        "arn:aws:rds:\(region):\(configuration.accountId):cluster-endpoint:\(id)"
    }

    /// The request's member list (lower-cased instance identifiers), or nil when it has none.
    func memberList(_ name: String, _ request: Request) -> [String]? {
        guard let value = request.value(at: name) else { return nil }
        return Self.strings(value).map(Self.instanceKey)
    }

    /// An error answer when a listed instance belongs to another cluster than `cluster` (inferred: an endpoint
    /// groups instances of its own cluster, UG feature-overview-endpoints).
    func foreignMember(_ members: [String], cluster: String) -> EmulatorAnswer? {
        guard let foreign = members.first(where: { instances[$0]?.cluster != cluster }) else { return nil }
        return renderer.error(
            "InvalidParameterValue", "DB instance \(foreign) is not a member of DB cluster \(cluster).")
    }

    func createEndpoint(_ operation: OperationSpec, _ request: Request) -> EmulatorAnswer {
        let id = key(text("DBClusterEndpointIdentifier", request) ?? "")
        guard let parent = cluster(named: text("DBClusterIdentifier", request) ?? "") else {
            return renderer.error("DBClusterNotFoundFault", "DBCluster not found.")
        }
        let existing = endpointsMaintenance.endpoints.values.filter { $0.cluster == parent.id }.count
        if existing >= Self.customEndpointsPerCluster {
            return renderer.error(
                "DBClusterEndpointQuotaExceededFault",
                "DB cluster \(parent.id) already has \(Self.customEndpointsPerCluster) custom endpoints.")
        }
        let staticMembers = memberList("StaticMembers", request) ?? []
        let excludedMembers = memberList("ExcludedMembers", request) ?? []
        if let refusal = foreignMember(staticMembers + excludedMembers, cluster: parent.id) { return refusal }
        sequence += 1
        let record = EndpointRecord(
            id: id, cluster: parent.id, customType: text("EndpointType", request) ?? "ANY",
            staticMembers: staticMembers, excludedMembers: excludedMembers, status: "creating",
            pending: later("available"),
            resourceIdentifier: "cluster-endpoint-"
                + String(format: "%020llx", UInt64(sequence) &* 0x9E37_79B9_7F4A)
                .uppercased(),
            sequence: sequence)
        endpointsMaintenance.endpoints[id] = record
        return renderer.success(action: operation.name, result: endpointBody(record))
    }

    func deleteEndpoint(_ operation: OperationSpec, _ request: Request) -> EmulatorAnswer {
        let id = key(text("DBClusterEndpointIdentifier", request) ?? "")
        guard var record = endpointsMaintenance.endpoints[id] else {
            return renderer.error("DBClusterEndpointNotFoundFault", "DBClusterEndpoint \(id) not found.")
        }
        record.status = "deleting"
        record.pending = later(nil)
        endpointsMaintenance.endpoints[id] = record
        return renderer.success(action: operation.name, result: endpointBody(record))
    }

    func modifyEndpoint(_ operation: OperationSpec, _ request: Request) -> EmulatorAnswer {
        let id = key(text("DBClusterEndpointIdentifier", request) ?? "")
        guard var record = endpointsMaintenance.endpoints[id] else {
            return renderer.error("DBClusterEndpointNotFoundFault", "DBClusterEndpoint \(id) not found.")
        }
        // [model] InvalidDBClusterEndpointStateFault; NEPTUNE-FACTS-2 row 149 (an endpoint still creating).
        guard record.status == "available" else {
            return renderer.error(
                "InvalidDBClusterEndpointStateFault",
                "DBClusterEndpoint \(id) is in \(record.status) state but expected it to be available.")
        }
        // A list given replaces the whole previous list, and an endpoint holds one kind of list (§3.8).
        if let members = memberList("StaticMembers", request) {
            if let refusal = foreignMember(members, cluster: record.cluster) { return refusal }
            (record.staticMembers, record.excludedMembers) = (members, [])
        }
        if let members = memberList("ExcludedMembers", request) {
            if let refusal = foreignMember(members, cluster: record.cluster) { return refusal }
            (record.staticMembers, record.excludedMembers) = ([], members)
        }
        if let type = text("EndpointType", request) { record.customType = type }
        record.status = "modifying"
        record.pending = later("available")
        endpointsMaintenance.endpoints[id] = record
        return renderer.success(action: operation.name, result: endpointBody(record))
    }

    /// One listed endpoint: a custom one, or a cluster's built-in WRITER or READER endpoint.
    struct ListedEndpoint {
        /// Paging order: custom endpoints by identifier; built-in ones, which have none, by cluster and type.
        var key: String
        var members: [String: ParameterValue]
    }

    /// The members of a custom endpoint, rendered through the spec's DBClusterEndpoint shape.
    func endpointMembers(_ record: EndpointRecord) -> [String: ParameterValue] {
        [
            "DBClusterEndpointIdentifier": .scalar(record.id),
            "DBClusterIdentifier": .scalar(record.cluster),
            "DBClusterEndpointResourceIdentifier": .scalar(record.resourceIdentifier),
            "Endpoint": .scalar("\(record.id).cluster-custom-c0nf0rm4nce.\(region).neptune.amazonaws.com"),
            "Status": .scalar(record.status),
            "EndpointType": .scalar("CUSTOM"),
            "CustomEndpointType": .scalar(record.customType),
            "StaticMembers": .list(record.staticMembers.map { .scalar($0) }),
            "ExcludedMembers": .list(record.excludedMembers.map { .scalar($0) }),
            "DBClusterEndpointArn": .scalar(endpointArn(record.id)),
        ]
    }

    /// A custom endpoint's members as the flat result of Create/Modify/DeleteDBClusterEndpoint.
    func endpointBody(_ record: EndpointRecord) -> String {
        renderer.structureBody(
            endpointMembers(record), shape: spec.shapes["DBClusterEndpoint"] ?? StructureSpec(members: []))
    }

    /// A cluster's built-in endpoints: the cluster (writer) endpoint and the reader endpoint, with only the members the
    /// AWS CLI example of describe-db-cluster-endpoints shows for them (RDS; inferred for Neptune).
    func builtInEndpoints(of record: ClusterRecord) -> [ListedEndpoint] {
        let status = ["creating", "deleting"].contains(record.status) ? record.status : "available"
        return [("WRITER", "Endpoint"), ("READER", "ReaderEndpoint")].map { type, member in
            ListedEndpoint(
                key: "\u{1}\(record.id):\(type.lowercased())",
                members: [
                    "DBClusterIdentifier": .scalar(record.id), "Endpoint": record.attributes[member] ?? .scalar(""),
                    "Status": .scalar(status), "EndpointType": .scalar(type),
                ])
        }
    }

    /// The filter names whose values come from a fixed vocabulary ([model] DescribeDBClusterEndpoints Filters).
    static let endpointFilterValues = [
        "db-cluster-endpoint-type": ["reader", "writer", "custom"],
        "db-cluster-endpoint-custom-type": ["reader", "any"],
        "db-cluster-endpoint-status": ["available", "creating", "deleting", "inactive", "modifying"],
    ]

    func describeEndpoints(_ operation: OperationSpec, _ request: Request) -> EmulatorAnswer {
        var listed: [ListedEndpoint] = []
        let parent = text("DBClusterIdentifier", request).flatMap { cluster(named: $0) }
        if let parent {
            listed = builtInEndpoints(of: parent)
        } else if text("DBClusterIdentifier", request) == nil {
            listed = clusters.values.sorted { $0.id < $1.id }.flatMap(builtInEndpoints)
        }
        listed += endpointsMaintenance.endpoints.values.filter { parent == nil || $0.cluster == parent?.id }.map {
            ListedEndpoint(key: $0.id, members: endpointMembers($0))
        }
        if let id = text("DBClusterEndpointIdentifier", request).map(key) {
            listed = listed.filter { $0.members["DBClusterEndpointIdentifier"] == .scalar(id) }
        }
        for (name, values) in Self.filters(request) {
            let wanted = Set(values.map { $0.lowercased() })
            if let vocabulary = Self.endpointFilterValues[name],
                let bad = wanted.first(where: { !vocabulary.contains($0) })
            {
                return renderer.error(
                    "InvalidParameterValue",
                    "Invalid value \(bad) for filter \(name); expected one of \(vocabulary.joined(separator: ", ")).")
            }
            let member =
                switch name {
                case "db-cluster-endpoint-type": "EndpointType"
                case "db-cluster-endpoint-custom-type": "CustomEndpointType"
                case "db-cluster-endpoint-status": "Status"
                default: "DBClusterEndpointIdentifier"
                }
            listed = listed.filter { endpoint in
                guard case .scalar(let value)? = endpoint.members[member] else { return false }
                return wanted.contains(value.lowercased())
            }
        }
        let shape = spec.shapes["DBClusterEndpoint"] ?? StructureSpec(members: [])
        return pagedAnswer(page(listed, key: \.key, of: operation, request), of: operation) {
            "<DBClusterEndpointList>" + renderer.structureBody($0.members, shape: shape) + "</DBClusterEndpointList>"
        }
    }

    /// Completes the endpoints' transitions whose delay has passed; an endpoint goes with its cluster, and a deleted
    /// instance leaves every endpoint's lists (after the instances and clusters settled).
    func settleEndpoints(at now: ContinuousClock.Instant) {
        for (id, record) in endpointsMaintenance.endpoints {
            var record = record
            if let pending = record.pending, pending.at <= now {
                guard let target = pending.target else {
                    endpointsMaintenance.endpoints[id] = nil
                    continue
                }
                (record.status, record.pending) = (target, nil)
            }
            guard clusters[record.cluster] != nil else {
                endpointsMaintenance.endpoints[id] = nil
                continue
            }
            if !decorators.contains(where: { $0.keepsReferences(to: .dbInstance, in: .dbClusterEndpoint) }) {
                record.staticMembers.removeAll { instances[$0] == nil }
                record.excludedMembers.removeAll { instances[$0] == nil }
            }
            endpointsMaintenance.endpoints[id] = record
        }
    }
}
