import ConformanceSpec
import Foundation
import QueryProtocol

/// Tags (the operations whose spec makes them add, list or remove tags, `TaggingRole`) and IAM roles
/// (AddRoleToDBCluster, RemoveRoleFromDBCluster). Tags live in the region's store under the canonical ARN of their resource; which ARN
/// types exist and which kind each names comes from `resources.yaml`, so a kind that gains an `arn` there is
/// taggable without code here. The `namesResource` precondition has resolved the ARN before these run.
extension NeptuneEmulator {
    /// At most this many tags per resource (RDS CHAP_Limits, NEPTUNE-FACTS-2 §3.6).
    static let tagsPerResource = 50
    /// At most this many IAM roles per cluster (RDS CHAP_Limits, NEPTUNE-FACTS-2 §3.6).
    static let rolesPerCluster = 5

    /// The ARN a resource's tags are kept under: this region and account, its type, its stored identifier.
    func canonicalARN(type: String, id: String) -> String {
        "arn:aws:rds:\(region):\(configuration.accountId):\(type):\(id)"
    }

    /// The stored identifier of a resource of `kind` named `name` (clusters as the active faults find them).
    func storedIdentifier(of kind: ResourceKind, _ name: String) -> String {
        kind == .dbCluster ? cluster(named: name)?.id ?? key(name) : storedKey(kind, name)
    }

    /// The key of the resource an ARN names in the tag store, or nil when it names none of this region.
    func tagKey(_ arn: String) -> String? {
        guard case .success(let found) = ResourceARN.parse(arn, resources: spec.resources),
            found.region == region, found.account == configuration.accountId,
            let type = spec.resources.lifecycle(of: found.kind)?.arn?.type
        else { return nil }
        return canonicalARN(type: type, id: storedIdentifier(of: found.kind, found.name))
    }

    static func tags(_ value: ParameterValue?) -> [TagRecord] {
        guard case .list(let items)? = value else { return [] }
        return items.compactMap { item in
            guard case .structure(let members) = item else { return nil }
            func member(_ name: String) -> String? {
                if case .scalar(let text)? = members.first(where: { $0.name == name })?.value { return text }
                return nil
            }
            guard let key = member("Key") else { return nil }
            return TagRecord(key: key, value: member("Value") ?? "")
        }
    }

    /// After a successful create, the new resource's tags are the request's `Tags` (none when it has none), so a
    /// resource made again under an old name does not inherit the old one's tags.
    func tagCreatedResources(of operation: OperationSpec, _ request: Request) {
        for (kind, parameter) in spec.resources.creations(by: operation.name) {
            guard let type = spec.resources.lifecycle(of: kind)?.arn?.type, let name = text(parameter, request) else {
                continue
            }
            let tags = Self.tags(request.value(at: "Tags"))
            var merged: [TagRecord] = []
            for tag in tags {
                if let index = merged.firstIndex(where: { $0.key == tag.key }) {
                    merged[index] = tag
                } else {
                    merged.append(tag)
                }
            }
            tagStore.tags[canonicalARN(type: type, id: storedIdentifier(of: kind, name))] = merged
        }
    }

    /// A tagging operation (`TaggingRole`, read from its spec) on the resource its ARN names.
    func tagging(_ role: TaggingRole, _ operation: OperationSpec, _ request: Request) -> EmulatorAnswer {
        let arn = text(role.resource, request) ?? ""
        guard let key = tagKey(arn) else {
            return renderer.error("InvalidParameterValue", "Invalid resource name: \(arn)")
        }
        switch role {
        case .add(_, let given):
            var tags = tagStore.tags[key] ?? []
            for tag in Self.tags(request.value(at: given)) {
                if let index = tags.firstIndex(where: { $0.key == tag.key }) {
                    tags[index] = tag
                } else {
                    tags.append(tag)
                }
            }
            guard tags.count <= Self.tagsPerResource else {
                return renderer.error(
                    "InvalidParameterValue",
                    "A resource can have at most \(Self.tagsPerResource) tags; this request would leave \(tags.count).")
            }
            tagStore.tags[key] = tags
        case .list(_, let listed):
            var xml = ""
            let items = (tagStore.tags[key] ?? []).map {
                ParameterValue.structure([Parameter("Key", .scalar($0.key)), Parameter("Value", .scalar($0.value))])
            }
            if let member = operation.output.member(named: listed) {
                renderer.append(listed, .list(items), type: member.type, to: &xml)
            }
            return renderer.success(action: operation.name, result: xml)
        case .remove(_, let keys):
            let removed = Set(Self.strings(request.value(at: keys)))
            tagStore.tags[key]?.removeAll { removed.contains($0.key) }
        }
        return renderer.success(action: operation.name, result: "", hasResult: false)
    }

    /// The roles associated with a cluster, from its `AssociatedRoles` member.
    static func roles(of record: ClusterRecord) -> [(arn: String, status: String)] {
        guard case .list(let items)? = record.attributes["AssociatedRoles"] else { return [] }
        return items.compactMap { item in
            guard case .structure(let members) = item,
                case .scalar(let arn)? = members.first(where: { $0.name == "RoleArn" })?.value
            else { return nil }
            let status = members.first { $0.name == "Status" }.flatMap {
                if case .scalar(let text) = $0.value { text } else { nil }
            }
            return (arn, status ?? "")
        }
    }

    /// Associates the role at once (Status ACTIVE; the real service may show PENDING first), with the feature
    /// name given, which no list constrains (NEPTUNE-FACTS-2 §3.12 quirk 13).
    func addRole(_ operation: OperationSpec, _ request: Request) -> EmulatorAnswer {
        let name = text("DBClusterIdentifier", request) ?? ""
        guard var record = cluster(named: name) else {
            return renderer.error("DBClusterNotFoundFault", "DBCluster \(name) not found.")
        }
        var roles: [ParameterValue] = []
        if case .list(let items)? = record.attributes["AssociatedRoles"] { roles = items }
        guard roles.count < Self.rolesPerCluster else {
            return renderer.error(
                "DBClusterRoleQuotaExceeded",
                "DB cluster \(record.id) already has \(Self.rolesPerCluster) IAM roles associated.")
        }
        var members = [
            Parameter("RoleArn", .scalar(text("RoleArn", request) ?? "")), Parameter("Status", .scalar("ACTIVE")),
        ]
        if let feature = text("FeatureName", request) { members.append(Parameter("FeatureName", .scalar(feature))) }
        roles.append(.structure(members))
        record.attributes["AssociatedRoles"] = .list(roles)
        clusters[record.id] = record
        return renderer.success(action: operation.name, result: "", hasResult: false)
    }

    func removeRole(_ operation: OperationSpec, _ request: Request) -> EmulatorAnswer {
        let name = text("DBClusterIdentifier", request) ?? ""
        guard var record = cluster(named: name) else {
            return renderer.error("DBClusterNotFoundFault", "DBCluster \(name) not found.")
        }
        let role = text("RoleArn", request) ?? ""
        guard case .list(let roles)? = record.attributes["AssociatedRoles"] else {
            return renderer.error("DBClusterRoleNotFound", "Role \(role) is not associated with \(record.id).")
        }
        record.attributes["AssociatedRoles"] = .list(
            roles.filter { item in
                guard case .structure(let members) = item else { return true }
                return members.first { $0.name == "RoleArn" }?.value != .scalar(role)
            })
        clusters[record.id] = record
        return renderer.success(action: operation.name, result: "", hasResult: false)
    }
}
