import ConformanceSpec
import Foundation
import QueryProtocol

/// Global databases (NEPTUNE-FACTS-2 §2.9, §3.7): CreateGlobalCluster, DeleteGlobalCluster, DescribeGlobalClusters,
/// ModifyGlobalCluster, FailoverGlobalCluster, SwitchoverGlobalCluster and RemoveFromGlobalCluster, and clusters
/// joining one through CreateDBCluster GlobalClusterIdentifier. Global clusters are kept once for every region
/// (`globalClusters`); their members are cluster ARNs of any region. The spec's constraints and preconditions have
/// been checked before these run (identifiers, an existing or free name, a member that is no writer with others, no
/// members left on delete); what is left here is what no precondition holds: a source cluster already in a global
/// cluster, a switchover under way, a target that is the writer, and a major version change without its flag.
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

    /// The global cluster's members that still exist (a deleted member cluster has left it), the writer first.
    func liveMembers(_ record: GlobalClusterRecord) -> [String] {
        record.members.filter { cluster(arn: $0) != nil }
    }

    /// The global cluster whose members include the cluster an ARN names.
    func globalCluster(having arn: String) -> GlobalClusterRecord? {
        globalClusters.values.first { liveMembers($0).contains { $0.lowercased() == arn.lowercased() } }
    }

    /// After a successful create of a kind a non-regional kind's `usedBy` names (a cluster made with
    /// GlobalClusterIdentifier), the new resource joins: a secondary, or the primary of an empty global cluster.
    func joinGlobalCluster(_ operation: OperationSpec, _ request: Request) {
        for lifecycle in spec.resources.lifecycles where !lifecycle.regional {
            guard let usedBy = lifecycle.usedBy, usedBy.kind == .dbCluster,
                let owner = text(usedBy.parameter, request).map(key),
                let (_, parameter) = spec.resources.creations(by: operation.name).first(where: { $0.kind == .dbCluster }
                ),
                let created = text(parameter, request).flatMap({ cluster(named: $0) }),
                case .scalar(let arn)? = created.attributes["DBClusterArn"],
                let global = globalClusters[owner]
            else { continue }
            let members = liveMembers(global) + [arn]
            globalClusters[owner]?.members = members
        }
    }

    /// Completes the switchovers and failovers whose delay has passed: the target becomes the writer.
    func settleGlobalClusters() {
        let now = clock.now
        for (id, record) in globalClusters {
            guard let failover = record.failover, failover.completes.at <= now else { continue }
            var members = liveMembers(record).filter { $0 != failover.to }
            if cluster(arn: failover.to) != nil { members.insert(failover.to, at: 0) }
            globalClusters[id]?.members = members
            globalClusters[id]?.failover = nil
            globalClusters[id]?.status = failover.completes.target ?? "available"
        }
    }

    // MARK: answers

    func globalClusterXML(_ record: GlobalClusterRecord) -> String {
        let members = liveMembers(record)
        var values: [String: ParameterValue] = [
            "GlobalClusterIdentifier": .scalar(record.id), "GlobalClusterResourceId": .scalar(record.resourceId),
            "GlobalClusterArn": .scalar(GlobalClusterRecord.arn(account: configuration.accountId, id: record.id)),
            "Status": .scalar(record.status), "Engine": .scalar(record.engine),
            "EngineVersion": .scalar(record.engineVersion),
            "StorageEncrypted": .scalar(String(record.storageEncrypted)),
            "DeletionProtection": .scalar(String(record.deletionProtection)),
            "GlobalClusterMembers": .list(
                members.enumerated().map { index, arn in
                    .structure([
                        Parameter("DBClusterArn", .scalar(arn)),
                        Parameter("Readers", .list(index == 0 ? members.dropFirst().map { .scalar($0) } : [])),
                        Parameter("IsWriter", .scalar(index == 0 ? "true" : "false")),
                    ])
                }),
            "TagList": .list(
                record.tags.map {
                    .structure([Parameter("Key", .scalar($0.key)), Parameter("Value", .scalar($0.value))])
                }
            ),
        ]
        if let name = record.databaseName { values["DatabaseName"] = .scalar(name) }
        if let failover = record.failover {
            values["FailoverState"] = .structure([
                Parameter("Status", .scalar("pending")), Parameter("FromDbClusterArn", .scalar(failover.from)),
                Parameter("ToDbClusterArn", .scalar(failover.to)),
                Parameter("IsDataLossAllowed", .scalar(String(failover.isDataLossAllowed))),
            ])
        }
        let shape = spec.shapes["GlobalCluster"] ?? StructureSpec(members: [])
        return renderer.structureBody(values, shape: shape)
    }

    func globalAnswer(_ action: String, _ record: GlobalClusterRecord) -> EmulatorAnswer {
        renderer.success(action: action, result: "<GlobalCluster>\(globalClusterXML(record))</GlobalCluster>")
    }

    // MARK: the operations

    func createGlobalCluster(_ operation: OperationSpec, _ request: Request) -> EmulatorAnswer {
        let id = key(text("GlobalClusterIdentifier", request) ?? "")
        var source: ClusterRecord?
        var sourceARN: String?
        if let arn = text("SourceDBClusterIdentifier", request) {
            guard let found = cluster(arn: arn) else {
                return renderer.error("DBClusterNotFoundFault", "DBCluster \(arn) not found.")
            }
            if let other = globalCluster(having: arn) {
                return renderer.error(
                    "InvalidDBClusterStateFault",
                    "The cluster \(arn) is already a member of global cluster \(other.id).")
            }
            source = found
            if case .scalar(let stored)? = found.attributes["DBClusterArn"] { sourceARN = stored }
        }
        let sourceAttributes = source?.attributes ?? [:]
        func inherited(_ name: String) -> String? {
            if case .scalar(let value)? = sourceAttributes[name] { return value }
            return nil
        }
        sequence += 1
        let record = GlobalClusterRecord(
            id: id, resourceId: "cluster-" + String(format: "%016llx", UInt64(sequence) &* 0x9E37_79B9_7F4A),
            engine: text("Engine", request) ?? inherited("Engine") ?? "neptune",
            engineVersion: text("EngineVersion", request) ?? inherited("EngineVersion") ?? defaults.engineVersion,
            databaseName: text("DatabaseName", request) ?? inherited("DatabaseName"),
            storageEncrypted: (text("StorageEncrypted", request) ?? inherited("StorageEncrypted"))?.lowercased()
                == "true",
            deletionProtection: text("DeletionProtection", request)?.lowercased() == "true",
            members: sourceARN.map { [$0] } ?? [], tags: Self.tags(request.value(at: "Tags")),
            sequence: globalClusters.count + sequence)
        globalClusters[id] = record
        if let sourceARN {
            updateCluster(arn: sourceARN) { $0.attributes["GlobalClusterIdentifier"] = .scalar(id) }
        }
        return globalAnswer(operation.name, record)
    }

    func deleteGlobalCluster(_ operation: OperationSpec, _ request: Request) -> EmulatorAnswer {
        let id = key(text("GlobalClusterIdentifier", request) ?? "")
        guard var record = globalClusters.removeValue(forKey: id) else {
            return renderer.error("GlobalClusterNotFoundFault", "GlobalCluster \(id) not found.")
        }
        record.status = "deleting"
        return globalAnswer(operation.name, record)
    }

    func describeGlobalClusters(_ operation: OperationSpec, _ request: Request) -> EmulatorAnswer {
        var selected = Array(globalClusters.values)
        if let id = text("GlobalClusterIdentifier", request).map(key) { selected = selected.filter { $0.id == id } }
        return pagedAnswer(page(selected, key: \.id, of: operation, request), of: operation) {
            "<GlobalClusterMember>\(globalClusterXML($0))</GlobalClusterMember>"
        }
    }

    func modifyGlobalCluster(_ operation: OperationSpec, _ request: Request) -> EmulatorAnswer {
        let id = key(text("GlobalClusterIdentifier", request) ?? "")
        guard var record = globalClusters[id] else {
            return renderer.error("GlobalClusterNotFoundFault", "GlobalCluster \(id) not found.")
        }
        guard record.status == "available" else {
            return renderer.error(
                "InvalidGlobalClusterStateFault", "Global cluster \(id) is \(record.status), not available.")
        }
        if let version = text("EngineVersion", request), version != record.engineVersion {
            // NEPTUNE-FACTS-2 row 132: a catalogue version of another major (1.2 to 1.3: the first two fields) needs
            // the flag (the catalogue constraint has judged a version the service does not offer).
            let major = { (text: String) in text.split(separator: ".").prefix(2).joined(separator: ".") }
            if spec.catalogues["EngineVersion"]?.entry(version) != nil, major(version) != major(record.engineVersion),
                text("AllowMajorVersionUpgrade", request)?.lowercased() != "true"
            {
                return renderer.error(
                    "InvalidParameterCombination",
                    "The AllowMajorVersionUpgrade flag must be present when upgrading to a new major version.")
            }
            record.engineVersion = version
        }
        if let protection = text("DeletionProtection", request) {
            record.deletionProtection = protection.lowercased() == "true"
        }
        if let renaming = operation.renaming("GlobalClusterIdentifier"),
            let newName = text(renaming, request)
        {
            globalClusters[id] = nil
            record.id = key(newName)
            for arn in liveMembers(record) {
                updateCluster(arn: arn) { $0.attributes["GlobalClusterIdentifier"] = .scalar(record.id) }
            }
        }
        globalClusters[record.id] = record
        return globalAnswer(operation.name, record)
    }

    /// A switchover (no data loss) or a failover: FailoverState pending until the transition delay has passed.
    func changeWriter(_ request: Request, action: String, dataLoss: Bool) -> EmulatorAnswer {
        let id = key(text("GlobalClusterIdentifier", request) ?? "")
        guard var record = globalClusters[id] else {
            return renderer.error("GlobalClusterNotFoundFault", "GlobalCluster \(id) not found.")
        }
        guard record.failover == nil, record.status == "available" else {
            return renderer.error(
                "InvalidGlobalClusterStateFault",
                "Global cluster \(id) is \(record.status); another switchover or failover is in progress.")
        }
        let target = text("TargetDbClusterIdentifier", request) ?? ""
        let members = liveMembers(record)
        let stored = members.first { $0.lowercased() == target.lowercased() } ?? target
        // The writer of a global cluster of one member (the memberOf precondition refuses it while others remain).
        if members.first == stored {
            return renderer.error(
                "InvalidGlobalClusterStateFault", "The cluster \(target) is already the primary of \(id).")
        }
        record.status = dataLoss ? "failing-over" : "switching-over"
        record.failover = GlobalFailover(
            from: members.first ?? "", to: stored, isDataLossAllowed: dataLoss, completes: later("available"))
        globalClusters[id] = record
        return globalAnswer(action, record)
    }

    func removeFromGlobalCluster(_ operation: OperationSpec, _ request: Request) -> EmulatorAnswer {
        let id = key(text("GlobalClusterIdentifier", request) ?? "")
        guard var record = globalClusters[id] else {
            return renderer.error("GlobalClusterNotFoundFault", "GlobalCluster \(id) not found.")
        }
        let arn = text("DbClusterIdentifier", request) ?? ""
        record.members = liveMembers(record).filter { $0.lowercased() != arn.lowercased() }
        globalClusters[id] = record
        // A detached secondary becomes a standalone read-write cluster (NEPTUNE-FACTS-2 §3.7).
        updateCluster(arn: arn) { $0.attributes["GlobalClusterIdentifier"] = nil }
        return globalAnswer(operation.name, record)
    }
}
