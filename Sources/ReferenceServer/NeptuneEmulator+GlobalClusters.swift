import ConformanceSpec
import Foundation
import QueryProtocol

/// Global databases (NEPTUNE-FACTS-2 §2.9, §3.7) beyond the resource engine's create, describe, modify and delete
/// (`KindBehaviour+GlobalClusters`): FailoverGlobalCluster, SwitchoverGlobalCluster and RemoveFromGlobalCluster, and
/// clusters joining one through CreateDBCluster GlobalClusterIdentifier. Global clusters are kept once for every
/// region (the engine's shared store); their members are cluster ARNs of any region (`globalMemberships`). The spec's
/// constraints and preconditions have been checked before these run; what is left here is what no precondition
/// holds: a switchover under way and a target that is the writer.
extension NeptuneEmulator {
    // MARK: clusters of every region

    /// True when `operation` acts on a kind that is not regional: ARNs it takes name clusters of any region.
    func spansRegions(_ operation: OperationSpec) -> Bool {
        operation.preconditions.contains { condition in
            switch condition.kind {
            case .exists(let kind), .absent(let kind): spec.resources.lifecycle(of: kind)?.regional == false
            default: false
            }
        }
    }

    /// The cluster an ARN names, in whichever region keeps it; nil when it names none (or one being deleted).
    func cluster(arn: String) -> ClusterRecord? {
        guard let location = ClusterLocation.of(arn: arn, account: configuration.accountId) else { return nil }
        let store = location.region == region ? clusters : parked[location.region]?.clusters ?? ClusterStore()
        return store[location.key].flatMap { $0.status == "deleting" ? nil : $0 }
    }

    /// Changes the cluster an ARN names, in whichever region keeps it.
    func updateCluster(arn: String, _ change: (inout ClusterRecord) -> Void) {
        guard let location = ClusterLocation.of(arn: arn, account: configuration.accountId) else { return }
        if location.region == region {
            if var record = clusters[location.key] {
                change(&record)
                clusters[location.key] = record
            }
        } else if var record = parked[location.region]?.clusters[location.key] {
            change(&record)
            parked[location.region]?.clusters[location.key] = record
        }
    }

    /// The live clusters of every region by ARN, for the evaluator's cross-region lookups (each store keeps its
    /// clusters' ARNs, so nothing is walked).
    func clusterARNsInEveryRegion() -> ClusterARNs {
        ClusterARNs(stores: [clusters] + parked.values.map(\.clusters))
    }

    /// The live members (cluster ARNs, the writer first) of the global cluster stored as `id`: a deleted member
    /// cluster has left it.
    func liveMembers(_ id: String) -> [String] {
        (globalMemberships[id]?.members ?? []).filter { cluster(arn: $0) != nil }
    }

    /// The stored identifier of the global cluster whose members include the cluster an ARN names.
    func globalCluster(having arn: String) -> String? {
        globalMemberships.keys.sorted().first { liveMembers($0).contains { $0.lowercased() == arn.lowercased() } }
    }

    /// The global cluster record stored as `id`.
    func globalRecord(_ id: String) -> SpecResourceRecord? { sharedResources.record(.globalCluster, id) }

    /// After a successful create of a kind a non-regional kind's `usedBy` names (a cluster made with
    /// GlobalClusterIdentifier), the new resource joins: a secondary, or the primary of an empty global cluster.
    func joinGlobalCluster(_ operation: OperationSpec, _ request: Request) {
        for lifecycle in spec.resources.lifecycles where !lifecycle.regional {
            guard let usedBy = lifecycle.usedBy, usedBy.kind == .dbCluster,
                let owner = text(usedBy.parameter, request).map({ storedKey(lifecycle.kind, $0) }),
                let (_, parameter) = spec.resources.creations(by: operation.name).first(where: { $0.kind == .dbCluster }
                ),
                let created = text(parameter, request).flatMap({ cluster(named: $0) }),
                case .scalar(let arn)? = created.attributes["DBClusterArn"],
                self[storeOf: lifecycle.kind].record(lifecycle.kind, owner) != nil
            else { continue }
            let members = liveMembers(owner) + [arn]
            globalMemberships[owner, default: GlobalMembership()].members = members
        }
    }

    /// Completes the switchovers and failovers whose delay has passed: the target becomes the writer.
    func settleGlobalClusters() {
        let now = clock.now
        for (id, membership) in globalMemberships {
            guard let failover = membership.failover, failover.completes.at <= now else { continue }
            var members = liveMembers(id).filter { $0 != failover.to }
            if cluster(arn: failover.to) != nil { members.insert(failover.to, at: 0) }
            globalMemberships[id] = GlobalMembership(members: members)
            sharedResources[.globalCluster, id]?.members["Status"] = .scalar(
                failover.completes.target ?? "available")
        }
    }

    // MARK: the operations beyond the engine's

    /// A switchover (no data loss) or a failover: FailoverState pending until the transition delay has passed.
    func changeWriter(_ operation: OperationSpec, _ request: Request, dataLoss: Bool) -> EmulatorAnswer {
        let id = storedKey(.globalCluster, text("GlobalClusterIdentifier", request) ?? "")
        guard var record = globalRecord(id) else {
            return renderer.error("GlobalClusterNotFoundFault", "GlobalCluster \(id) not found.")
        }
        let status = record.members.text("Status") ?? ""
        guard globalMemberships[id]?.failover == nil, status == "available" else {
            return renderer.error(
                "InvalidGlobalClusterStateFault",
                "Global cluster \(id) is \(status); another switchover or failover is in progress.")
        }
        let target = text("TargetDbClusterIdentifier", request) ?? ""
        let members = liveMembers(id)
        let stored = members.first { $0.lowercased() == target.lowercased() } ?? target
        // The writer of a global cluster of one member (the memberOf precondition refuses it while others remain).
        if members.first == stored {
            return renderer.error(
                "InvalidGlobalClusterStateFault", "The cluster \(target) is already the primary of \(id).")
        }
        record.members["Status"] = .scalar(dataLoss ? "failing-over" : "switching-over")
        sharedResources[.globalCluster, id] = record
        globalMemberships[id, default: GlobalMembership()].failover = GlobalFailover(
            from: members.first ?? "", to: stored, isDataLossAllowed: dataLoss, completes: later("available"))
        return itemAnswer(record, of: .globalCluster, operation)
    }

    func removeFromGlobalCluster(_ operation: OperationSpec, _ request: Request) -> EmulatorAnswer {
        let id = storedKey(.globalCluster, text("GlobalClusterIdentifier", request) ?? "")
        guard let record = globalRecord(id) else {
            return renderer.error("GlobalClusterNotFoundFault", "GlobalCluster \(id) not found.")
        }
        let arn = text("DbClusterIdentifier", request) ?? ""
        let remaining = liveMembers(id).filter { $0.lowercased() != arn.lowercased() }
        globalMemberships[id]?.members = remaining
        // A detached secondary becomes a standalone read-write cluster (NEPTUNE-FACTS-2 §3.7).
        updateCluster(arn: arn) { $0.attributes["GlobalClusterIdentifier"] = nil }
        return itemAnswer(record, of: .globalCluster, operation)
    }
}
