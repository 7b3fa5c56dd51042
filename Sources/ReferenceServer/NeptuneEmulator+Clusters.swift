import ConformanceSpec
import Foundation
import QueryProtocol

extension NeptuneEmulator {
    /// The DBCluster members a request names that the record keeps apart (its `id` and `replicationSource`).
    static let keptApart: Set<String> = ["DBClusterIdentifier", "ReplicationSourceIdentifier"]

    /// Copies the request's parameters onto the DBCluster members they set (the member of their name, or the one
    /// whose `setBy:` names them; a parameter no member shows is not kept), normalising booleans and doubles as the
    /// service prints them.
    func apply(_ request: Request, to attributes: inout [String: ParameterValue]) {
        for parameter in request.parameters where !Self.keptApart.contains(parameter.name) {
            let name = clusterShape.memberName(setBy: parameter.name)
            if parameter.name == "VpcSecurityGroupIds", case .list(let ids) = parameter.value {
                attributes["VpcSecurityGroups"] = .list(
                    ids.map {
                        .structure([Parameter("VpcSecurityGroupId", $0), Parameter("Status", .scalar("active"))])
                    })
                continue
            }
            if parameter.name == "CloudwatchLogsExportConfiguration", case .structure(let members) = parameter.value {
                var enabled = Self.strings(attributes["EnabledCloudwatchLogsExports"])
                for member in members {
                    let names = Self.strings(member.value)
                    if member.name == "EnableLogTypes" { enabled += names.filter { !enabled.contains($0) } }
                    if member.name == "DisableLogTypes" { enabled.removeAll { names.contains($0) } }
                }
                attributes["EnabledCloudwatchLogsExports"] = .list(enabled.map { .scalar($0) })
                continue
            }
            guard let member = clusterShape.member(named: name) else { continue }
            attributes[name] = Self.normalised(parameter.value, type: member.type)
        }
    }

    static func strings(_ value: ParameterValue?) -> [String] {
        guard case .list(let items)? = value else { return [] }
        return items.compactMap { if case .scalar(let text) = $0 { text } else { nil } }
    }

    static func normalised(_ value: ParameterValue, type: TypeSpec) -> ParameterValue {
        switch (value, type) {
        case (.scalar(let text), .boolean): return .scalar(text.lowercased())
        case (.scalar(let text), .double):
            guard let number = Double(text) else { return value }
            return .scalar(number == number.rounded() && abs(number) < 1e15 ? "\(Int(number)).0" : "\(number)")
        case (.structure(let members), .structure(let structure)):
            return .structure(
                members.map { member in
                    Parameter(
                        member.name,
                        structure.member(named: member.name).map { normalised(member.value, type: $0.type) }
                            ?? member.value)
                })
        default: return value
        }
    }

    func newAttributes(id: String) -> [String: ParameterValue] {
        let now = ISOTimestamp.format(Date())
        let region = self.region
        sequence += 1
        let suffix = String(format: "%012llx", UInt64(sequence) &* 0x9E37_79B9)
        return [
            "AllocatedStorage": .scalar("1"),
            "AvailabilityZones": .list(["a", "b", "c"].map { .scalar(region + $0) }),
            "BackupRetentionPeriod": .scalar("1"),
            "DBClusterIdentifier": .scalar(id),
            "DBClusterParameterGroup": .scalar(defaults.clusterParameterGroup),
            "DBSubnetGroup": .scalar("default"),
            "EarliestRestorableTime": .scalar(now),
            "Endpoint": .scalar("\(id).cluster-c0nf0rm4nce.\(region).neptune.amazonaws.com"),
            "ReaderEndpoint": .scalar("\(id).cluster-ro-c0nf0rm4nce.\(region).neptune.amazonaws.com"),
            "Engine": .scalar("neptune"),
            "EngineVersion": .scalar(defaults.engineVersion),
            "LatestRestorableTime": .scalar(now),
            "Port": .scalar(defaults.port),
            "DBClusterOptionGroupMemberships": .list([]),
            "PreferredBackupWindow": .scalar("07:00-07:30"),
            "PreferredMaintenanceWindow": .scalar("sun:09:00-sun:09:30"),
            "VpcSecurityGroups": .list([
                .structure([
                    Parameter("VpcSecurityGroupId", .scalar("sg-0c0nf0rm4nce")), Parameter("Status", .scalar("active")),
                ])
            ]),
            "HostedZoneId": .scalar("ZUFXD4SLT2LS7"),
            "StorageEncrypted": .scalar("false"),
            "DbClusterResourceId": .scalar("cluster-" + suffix.uppercased()),
            "DBClusterArn": .scalar("arn:aws:rds:\(region):\(configuration.accountId):cluster:\(id)"),
            "AssociatedRoles": .list([]),
            "IAMDatabaseAuthenticationEnabled": .scalar("false"),
            "ClusterCreateTime": .scalar(now),
            "CopyTagsToSnapshot": .scalar("false"),
            "DeletionProtection": .scalar("false"),
            "CrossAccountClone": .scalar("false"),
            "StorageType": .scalar("standard"),
        ]
    }

    /// Inserts a new cluster in `creating` and answers with it.
    func insertCluster(
        action: String, id rawId: String, base: [String: ParameterValue]? = nil, request: Request,
        replicationSource: String? = nil
    ) -> EmulatorAnswer {
        let id = key(rawId)
        var attributes = newAttributes(id: id)
        if let base {
            for name in [
                "Engine", "EngineVersion", "Port", "DatabaseName", "StorageEncrypted", "KmsKeyId",
                "IAMDatabaseAuthenticationEnabled", "StorageType",
            ] {
                if let value = base[name] { attributes[name] = value }
            }
        }
        apply(request, to: &attributes)
        if request.value(at: "DBClusterParameterGroupName") == nil {
            attributes["DBClusterParameterGroup"] = .scalar(defaultParameterGroup(for: attributes["EngineVersion"]))
        }
        let record = ClusterRecord(
            id: id, attributes: attributes, status: "creating", pending: later("available"),
            replicationSource: replicationSource.map(key), sequence: sequence)
        clusters[id] = record
        return answer(action, record)
    }

    func answer(_ action: String, _ record: ClusterRecord) -> EmulatorAnswer {
        renderer.success(action: action, result: clusterXML(record))
    }

    /// `<DBCluster>` with the stored members plus the ones computed from state.
    func clusterXML(_ record: ClusterRecord, element: String = "DBCluster") -> String {
        var values = record.attributes
        values["Status"] = .scalar(record.status)
        values["MultiAZ"] = .scalar(record.instances.count > 1 ? "true" : "false")
        values["DBClusterMembers"] = .list(
            record.instances.enumerated().map { index, instance in
                .structure([
                    Parameter("DBInstanceIdentifier", .scalar(instance)),
                    Parameter("IsClusterWriter", .scalar(index == 0 ? "true" : "false")),
                    Parameter("DBClusterParameterGroupStatus", .scalar("in-sync")),
                    Parameter(
                        "PromotionTier",
                        specResources.record(.dbInstance, instance)?.members["PromotionTier"] ?? .scalar("1")),
                ])
            })
        values["ReadReplicaIdentifiers"] = .list(
            clusters.replicas(of: record.id)
                .map {
                    .scalar(
                        $0.attributes["DBClusterArn"].flatMap { if case .scalar(let arn) = $0 { arn } else { nil } }
                            ?? $0.id)
                })
        if let source = record.replicationSource { values["ReplicationSourceIdentifier"] = .scalar(source) }
        for decorator in decorators { decorator.rendering(members: &values, of: .dbCluster) }
        return "<\(element)>" + renderer.structureBody(values, shape: clusterShape) + "</\(element)>"
    }

    // MARK: the operations

    func createCluster(_ operation: OperationSpec, _ request: Request) -> EmulatorAnswer {
        let id = text("DBClusterIdentifier", request) ?? ""
        return insertCluster(
            action: operation.name, id: id, request: request,
            replicationSource: text("ReplicationSourceIdentifier", request))
    }

    func deleteCluster(_ operation: OperationSpec, _ request: Request) -> EmulatorAnswer {
        guard var record = cluster(named: text("DBClusterIdentifier", request) ?? "") else {
            return renderer.error("DBClusterNotFoundFault", "DBCluster not found.")
        }
        if let snapshot = text("FinalDBSnapshotIdentifier", request).map({ storedKey(.dbClusterSnapshot, $0) }) {
            let origin = SnapshotOrigin(clusterMembers: record.attributes)
            var members = KindBehaviour.snapshotMembers(snapshot, cluster: record.id, origin)
            members["Status"] = .scalar("available")
            specResources[.dbClusterSnapshot, snapshot] = newRecord(
                .dbClusterSnapshot, id: snapshot, members)
            snapshotOrigins[snapshot] = origin
        }
        record.status = "deleting"
        record.pending = later(nil)
        clusters[record.id] = record
        return answer(operation.name, record)
    }

    func describeClusters(_ operation: OperationSpec, _ request: Request) -> EmulatorAnswer {
        let identifier = text("DBClusterIdentifier", request)
        let filtered = !request.filters.isEmpty
        // Every cluster: a page of the store's own order; one by identifier or filtered: a list sorted for the page.
        let cut: Page<ClusterRecord>
        if identifier == nil && !filtered {
            cut = page(clusters.records, of: operation, request)
        } else {
            cut = page(selectedClusters(identifier, operation, request), key: \.id, of: operation, request)
        }
        return pagedAnswer(cut, of: operation) { clusterXML($0) }
    }

    /// The clusters a DescribeDBClusters names by identifier, or else every cluster, kept if they pass its filters.
    func selectedClusters(_ identifier: String?, _ operation: OperationSpec, _ request: Request) -> [ClusterRecord] {
        var selected: [ClusterRecord]
        if let identifier {
            selected = cluster(named: identifier).map { [$0] } ?? []
        } else {
            selected = clusters.values.sorted { $0.sequence < $1.sequence }
        }
        let filters = request.filters
        guard !filters.isEmpty else { return selected }
        return selected.filter { record in
            var members = record.attributes
            members["DBClusterIdentifier"] = .scalar(record.id)
            return Self.passes(members, filters: filters, of: operation, identifierMember: "DBClusterIdentifier")
        }
    }

    func failover(_ operation: OperationSpec, _ request: Request) -> EmulatorAnswer {
        guard let before = cluster(named: text("DBClusterIdentifier", request) ?? "") else {
            return renderer.error("DBClusterNotFoundFault", "DBCluster not found.")
        }
        var record = before
        // The spec's readerOf precondition has checked that the target is one of the cluster's instances.
        if let target = text("TargetDBInstanceIdentifier", request)?.lowercased(),
            let index = record.instances.firstIndex(of: target)
        {
            record.instances.swapAt(0, index)
        } else if record.instances.count > 1 {
            record.instances.swapAt(0, 1)
        }
        record.status = "failing-over"
        record.pending = later("available")
        return store(ClusterChange(operation: operation.name, before: before, after: record))
    }

    func modifyCluster(_ operation: OperationSpec, _ request: Request) -> EmulatorAnswer {
        guard let before = cluster(named: text("DBClusterIdentifier", request) ?? "") else {
            return renderer.error("DBClusterNotFoundFault", "DBCluster not found.")
        }
        var record = before
        apply(request, to: &record.attributes)
        if let renaming = operation.renaming("DBClusterIdentifier"),
            let newName = text(renaming, request)
        {
            let old = record.id
            record.id = key(newName)
            record.attributes["DBClusterIdentifier"] = .scalar(record.id)
            record.attributes["DBClusterArn"] = .scalar(
                "arn:aws:rds:\(region):\(configuration.accountId):cluster:\(record.id)")
            // The hosts begin with the identifier (shapes.yaml DBCluster.Endpoint/ReaderEndpoint `derive:`), so they
            // follow the new name, as a renamed Aurora cluster's endpoints do.
            for member in ["Endpoint", "ReaderEndpoint"] {
                if case .scalar(let host)? = record.attributes[member], host.hasPrefix(old + ".") {
                    record.attributes[member] = .scalar(record.id + host.dropFirst(old.count))
                }
            }
            clusters[old] = nil
            for id in clusters.keysReplicating(old) { clusters[id]?.replicationSource = record.id }
            for id in record.instances {
                specResources[.dbInstance, id]?.members["DBClusterIdentifier"] = .scalar(record.id)
            }
        }
        return store(ClusterChange(operation: operation.name, before: before, after: record))
    }

    /// Stores a changed cluster, after the faults' `changing` hooks, and answers with it.
    func store(_ proposed: ClusterChange) -> EmulatorAnswer {
        var change = proposed
        for decorator in decorators { decorator.changing(&change) }
        for key in change.alsoStoredUnder { clusters[key] = change.after }
        clusters[change.after.id] = change.after
        return answer(change.operation, change.after)
    }

    func promote(_ operation: OperationSpec, _ request: Request) -> EmulatorAnswer {
        guard var record = cluster(named: text("DBClusterIdentifier", request) ?? "") else {
            return renderer.error("DBClusterNotFoundFault", "DBCluster not found.")
        }
        record.replicationSource = nil
        clusters[record.id] = record
        return answer(operation.name, record)
    }

    func restoreFromSnapshot(_ operation: OperationSpec, _ request: Request) -> EmulatorAnswer {
        let snapshot = snapshotOrigins[storedKey(.dbClusterSnapshot, text("SnapshotIdentifier", request) ?? "")]
        return insertCluster(
            action: operation.name, id: text("DBClusterIdentifier", request) ?? "",
            base: snapshot?.clusterMembers, request: request)
    }

    func restoreToPointInTime(_ operation: OperationSpec, _ request: Request) -> EmulatorAnswer {
        let source = cluster(named: text("SourceDBClusterIdentifier", request) ?? "")
        return insertCluster(
            action: operation.name, id: text("DBClusterIdentifier", request) ?? "",
            base: source?.attributes, request: request)
    }

    /// An action resources.yaml gives a state on the way (`during`) and one it reaches (`reaches`): the cluster and its
    /// instances show the first for the transition delay, then the second (NEPTUNE-FACTS: stopping, stopped).
    func transition(_ operation: OperationSpec, _ request: Request) -> EmulatorAnswer {
        let action = spec.resources.lifecycle(of: .dbCluster)?.actions.first { $0.operation == operation.name }
        guard let during = action?.during, let target = action?.reaches else {
            return renderer.error("InvalidAction", "resources.yaml gives \(operation.name) no 'during' and 'reaches'")
        }
        guard var record = cluster(named: text("DBClusterIdentifier", request) ?? "") else {
            return renderer.error("DBClusterNotFoundFault", "DBCluster not found.")
        }
        record.status = during
        record.pending = later(target)
        clusters[record.id] = record
        // Stopping a cluster stops its instances; starting it starts them (NEPTUNE-FACTS-2 §3.5).
        for id in record.instances where specResources.record(.dbInstance, id) != nil {
            specResources[.dbInstance, id]?.members["DBInstanceStatus"] = .scalar(during)
            specResources[.dbInstance, id]?.pending = later(target)
        }
        return answer(operation.name, record)
    }
}
