import ConformanceSpec
import QueryProtocol

/// The emulator's store as the evaluator sees it when it judges preconditions: clusters found as the
/// emulator finds them (through the active faults' identifier hooks), instances and snapshots by
/// their lower-cased identifiers, and the default parameter and subnet groups every account has.
struct EmulatorContractState: ContractState {
    let clusters: [String: ClusterRecord]
    let instances: [String: InstanceRecord]
    let snapshots: [String: SnapshotRecord]
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
            latestRestorableTime: text("LatestRestorableTime"), engineVersion: text("EngineVersion"),
            hasServerlessScaling: record.attributes["ServerlessV2ScalingConfiguration"] != nil)
    }

    func exists(_ kind: ResourceKind, _ identifier: String) -> Bool {
        switch kind {
        case .dbCluster: record(identifier) != nil
        case .dbClusterSnapshot: snapshots[NeptuneEmulator.snapshotKey(identifier)] != nil
        case .dbInstance: instances[NeptuneEmulator.instanceKey(identifier)] != nil
        default: identifier.hasPrefix("default")
        }
    }

    func instanceStatus(_ identifier: String) -> String? { instances[NeptuneEmulator.instanceKey(identifier)]?.status }

    func resource(_ kind: ResourceKind, _ identifier: String) -> ContractResourceFacts? {
        switch kind {
        case .dbInstance:
            instances[NeptuneEmulator.instanceKey(identifier)].map {
                ContractResourceFacts(id: $0.id, status: $0.status, deletionProtection: $0.deletionProtection)
            }
        case .dbClusterSnapshot:
            snapshots[NeptuneEmulator.snapshotKey(identifier)].map {
                ContractResourceFacts(id: $0.id, status: $0.status)
            }
        default: nil
        }
    }
}
