import ConformanceSpec
import QueryProtocol

/// The emulator's store as the evaluator sees it when it judges preconditions: clusters found as the
/// emulator finds them (through the active faults' identifier hooks), the resource engine's kinds (instances,
/// snapshots, subnet groups, …) by their stored identifiers, the `default` subnet group and parameter groups every account has, the
/// emulated subnets, and ARNs resolved through the kinds `resources.yaml` gives an `arn` type.
struct EmulatorContractState: ContractState {
    let clusters: [String: ClusterRecord]
    let decorators: [any FaultDecorator]
    let resources: ResourceCatalog
    let region: String
    let accountId: String
    /// The kinds the resource engine serves from the spec.
    var specResources = SpecResourceStore()
    /// The identifiers of the records every region holds without a create, by kind (`KindBehaviour.standing`).
    var standing: [ResourceKind: Set<String>] = [:]
    /// The kinds whose identifiers are stored lower-cased (the others as given).
    var lowercasedKinds: Set<ResourceKind> = []
    /// The records of the engine's kinds that are not regional (global clusters), kept once for every region.
    var sharedResources = SpecResourceStore()
    /// The live members' ARNs of each global cluster, the writer first, by stored identifier.
    var globalMembers: [String: [String]] = [:]
    /// For an operation on a kind that is not regional: the clusters of every region by ARN, which its cluster ARNs
    /// may name; nil for a regional operation (an ARN names a resource of the request's region).
    var clusterARNsEverywhere: ClusterARNs?

    /// The stored form of an identifier: lower-cased, unless a fault says otherwise.
    func key(_ identifier: String) -> String {
        decorators.reduce(identifier.lowercased()) { $1.storedIdentifier(identifier, conformant: $0) }
    }

    /// The record of a kind the resource engine keeps, in the region's store or the shared one.
    func engineRecord(_ kind: ResourceKind, _ identifier: String) -> SpecResourceRecord? {
        let id = specKey(kind, identifier)
        return specResources.record(kind, id) ?? sharedResources.record(kind, id)
    }

    /// The stored form of an identifier of a kind the resource engine keeps.
    func specKey(_ kind: ResourceKind, _ identifier: String) -> String {
        SpecResourceStore.storedKey(identifier, lowercased: lowercasedKinds.contains(kind), key: key)
    }

    func record(_ identifier: String) -> ClusterRecord? {
        let key = key(identifier)
        return decorators.reduce(clusters[key]) { $1.lookUp(identifier, in: clusters, conformant: $0) }
    }

    func cluster(_ identifier: String) -> ContractClusterFacts? {
        guard let record = record(identifier) else { return nil }
        func text(_ name: String) -> String? {
            if case .scalar(let value)? = record.attributes[name] { return value }
            return nil
        }
        var facts = ContractClusterFacts(
            id: record.id, status: record.status, deletionProtection: record.deletionProtection,
            members: record.instances,
            isReadReplica: record.replicationSource != nil, earliestRestorableTime: text("EarliestRestorableTime"),
            latestRestorableTime: text("LatestRestorableTime"), engineVersion: text("EngineVersion"),
            hasServerlessScaling: record.attributes["ServerlessV2ScalingConfiguration"] != nil)
        facts.roles = NeptuneEmulator.roles(of: record).map(\.arn)
        return facts
    }

    func exists(_ kind: ResourceKind, _ identifier: String) -> Bool {
        switch kind {
        case .dbCluster: record(identifier) != nil
        case .subnet: EmulatedSubnets.zone(of: identifier, region: region) != nil
        default:
            engineRecord(kind, identifier) != nil || standing[kind]?.contains(specKey(kind, identifier)) == true
        }
    }

    func instanceStatus(_ identifier: String) -> String? { resource(.dbInstance, identifier)?.status }

    func resource(_ kind: ResourceKind, _ identifier: String) -> ContractResourceFacts? {
        // A kind the resource engine keeps: its status member, as resources.yaml names it.
        engineRecord(kind, identifier).map { record in
            let lifecycle = resources.lifecycle(of: kind)
            let status = lifecycle?.describe.status.flatMap { record.members.text($0) }
            // Protected when the member its deletion protection sets says so (DeletionProtection: 'true').
            let protected = lifecycle?.deletionProtection?.on.contains {
                record.members.text($0.name)?.lowercased() == "true"
            }
            return ContractResourceFacts(
                id: record.id, status: status ?? "", deletionProtection: protected ?? false)
        }
    }

    func isServiceDefault(_ kind: ResourceKind, _ identifier: String) -> Bool {
        guard kind == .dbClusterParameterGroup || kind == .dbParameterGroup else { return false }
        return standing[kind]?.contains(specKey(kind, identifier)) == true
    }

    func isInUse(_ kind: ResourceKind, _ identifier: String) -> Bool {
        let name = specKey(kind, identifier).lowercased()
        switch kind {
        case .dbClusterParameterGroup:
            return clusters.values.contains {
                if case .scalar(let group)? = $0.attributes["DBClusterParameterGroup"] {
                    group.lowercased() == name
                } else {
                    false
                }
            }
        case .dbParameterGroup:
            // An instance's group is DBInstance.DBParameterGroups[0].DBParameterGroupName.
            return specResources.records(.dbInstance).values.contains {
                $0.members.nestedText("DBParameterGroups", "DBParameterGroupName")?.lowercased() == name
            }
        default:
            return false
        }
    }

    func associations(of kind: ResourceKind, _ identifier: String) -> [String]? {
        // The sources of a subscription (its SourceIdsList).
        kind == .eventSubscription
            ? specResources.record(kind, specKey(kind, identifier))?.members.texts("SourceIdsList") : nil
    }

    func availabilityZone(ofSubnet identifier: String) -> String? {
        EmulatedSubnets.zone(of: identifier, region: region)
    }

    func user(of kind: ResourceKind, _ identifier: String) -> String? {
        if kind == .globalCluster {
            return globalMembers[specKey(kind, identifier)]?.first.map { "database cluster: \($0)" }
        }
        if kind == .dbClusterParameterGroup || kind == .dbParameterGroup {
            guard isInUse(kind, identifier) else { return nil }
            return kind == .dbClusterParameterGroup ? "database cluster" : "database instance"
        }
        guard kind == .dbSubnetGroup else { return nil }
        let name = key(identifier)
        let users = clusters.values.filter { record in
            if case .scalar(let group)? = record.attributes["DBSubnetGroup"] { return group.lowercased() == name }
            return false
        }.map(\.id).sorted()
        if let cluster = users.first { return "database cluster: \(cluster)" }
        // An instance shows its group as DBInstance.DBSubnetGroup.DBSubnetGroupName.
        let instanceUsers = specResources.records(.dbInstance).values.filter {
            $0.members.nestedText("DBSubnetGroup", "DBSubnetGroupName")?.lowercased() == name
        }.map(\.id).sorted()
        return instanceUsers.first.map { "database instance: \($0)" }
    }

    func resource(arn: String, of kind: ResourceKind) -> ARNLookup {
        guard case .success(let found) = ResourceARN.parse(arn, resources: resources) else { return resource(arn: arn) }
        let notFound = resources.lifecycle(of: kind)?.arn?.notFound ?? found.notFound
        let missing = ARNLookup.missing(code: notFound, message: "\(kind.rawValue) \(arn) not found.")
        guard found.kind == kind else { return missing }
        if let everywhere = clusterARNsEverywhere, kind == .dbCluster, found.account == accountId {
            return everywhere.contains(arn) ? .found : missing
        }
        return resource(arn: arn)
    }

    func membership(arn: String, in ownerKind: ResourceKind, _ owner: String) -> Membership? {
        guard ownerKind == .globalCluster, let members = globalMembers[specKey(ownerKind, owner)],
            clusterARNsEverywhere?.contains(arn) ?? false
        else { return nil }
        guard let index = members.firstIndex(where: { $0.lowercased() == arn.lowercased() }) else {
            return Membership.none
        }
        return index == 0 && members.count > 1 ? .writerWithOthers : .member
    }

    func resource(arn: String) -> ARNLookup {
        switch ResourceARN.parse(arn, resources: resources) {
        case .failure(let problem): return .invalid(message: problem.message)
        case .success(let found):
            let exists = found.region == region && found.account == accountId && self.exists(found.kind, found.name)
            return exists
                ? .found
                : .missing(code: found.notFound, message: "\(found.kind.rawValue) \(found.name) not found.")
        }
    }
}

/// The live clusters (not being deleted) of every region, found by ARN in each region's store.
struct ClusterARNs: Sendable {
    var stores: [ClusterStore]

    /// True when a live cluster of some region has this ARN (compared lower-cased).
    func contains(_ arn: String) -> Bool {
        let lowercased = arn.lowercased()
        return stores.contains { $0.hasLiveCluster(arn: lowercased) }
    }
}

/// A well-formed RDS ARN (`arn:aws:rds:REGION:ACCOUNT:TYPE:NAME`) of a kind `resources.yaml` gives an `arn` type.
struct ResourceARN: Sendable, Equatable {
    var region: String
    var account: String
    var kind: ResourceKind
    /// The resource's identifier as the ARN writes it.
    var name: String
    /// The code of an ARN of this kind that names nothing.
    var notFound: String

    struct Problem: Error, Equatable {
        var message: String
    }

    /// Parses `text`; a malformed ARN, another service's, or a type no kind has is a problem (InvalidParameterValue).
    static func parse(_ text: String, resources: ResourceCatalog) -> Result<ResourceARN, Problem> {
        let parts = text.split(separator: ":", maxSplits: 6, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 7, parts[0] == "arn", parts[1].hasPrefix("aws"), parts[2] == "rds",
            RequestRegion.isRegionName(parts[3]), parts[4].count == 12, parts[4].allSatisfy(\.isNumber),
            !parts[5].isEmpty, !parts[6].isEmpty
        else {
            return .failure(Problem(message: "Invalid resource name: \(text)"))
        }
        guard let lifecycle = resources.lifecycle(arnType: parts[5]), let arn = lifecycle.arn else {
            return .failure(
                Problem(message: "The specified resource name does not match an RDS resource in this region."))
        }
        return .success(
            ResourceARN(
                region: parts[3], account: parts[4], kind: lifecycle.kind, name: parts[6], notFound: arn.notFound))
    }
}
