import ConformanceSpec
import QueryProtocol

/// The emulator's store as the evaluator sees it when it judges preconditions: clusters found as the
/// emulator finds them (through the active faults' identifier hooks), instances and snapshots by
/// their lower-cased identifiers, parameter groups as the store holds them (with the default group of every
/// family), and the default subnet groups every account has.
struct EmulatorContractState: ContractState {
    let clusters: [String: ClusterRecord]
    let instances: [String: InstanceRecord]
    let snapshots: [String: SnapshotRecord]
    let parameterGroups: ParameterGroupStore
    /// The parameter group families, whose `default.<family>` groups exist in every region.
    let families: [String]
    let decorators: [any FaultDecorator]

    func record(_ identifier: String) -> ClusterRecord? {
        let key = decorators.reduce(identifier.lowercased()) { $1.storedIdentifier(identifier, conformant: $0) }
        return decorators.reduce(clusters[key]) { $1.lookUp(identifier, in: clusters, conformant: $0) }
    }

    func cluster(_ identifier: String) -> ContractClusterFacts? {
        guard let record = record(identifier) else { return nil }
        func text(_ name: String) -> String? {
            if case .scalar(let value)? = record.attributes[name] { return value }
            return nil
        }
        return ContractClusterFacts(
            id: record.id, status: record.status, deletionProtection: record.deletionProtection,
            members: record.instances,
            isReadReplica: record.replicationSource != nil, earliestRestorableTime: text("EarliestRestorableTime"),
            latestRestorableTime: text("LatestRestorableTime"))
    }

    func exists(_ kind: ResourceKind, _ identifier: String) -> Bool {
        switch kind {
        case .dbCluster: record(identifier) != nil
        case .dbClusterSnapshot: snapshots[identifier.lowercased()] != nil
        case .dbInstance: instances[identifier.lowercased()] != nil
        case .dbClusterParameterGroup: parameterGroups.group(.cluster, identifier, families: families) != nil
        case .dbParameterGroup: parameterGroups.group(.instance, identifier, families: families) != nil
        default: identifier.hasPrefix("default")
        }
    }

    func isServiceDefault(_ kind: ResourceKind, _ identifier: String) -> Bool {
        guard kind == .dbClusterParameterGroup || kind == .dbParameterGroup else { return false }
        return ParameterGroupStore.defaultFamily(ParameterGroupStore.name(identifier), families: families) != nil
    }

    func isInUse(_ kind: ResourceKind, _ identifier: String) -> Bool {
        let name = ParameterGroupStore.name(identifier)
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
            return instances.values.contains { $0.parameterGroup == name }
        default:
            return false
        }
    }

    func instanceStatus(_ identifier: String) -> String? { instances[identifier.lowercased()]?.status }
}
