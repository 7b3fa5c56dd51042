import ConformanceSpec
import Foundation
import QueryProtocol

/// The DB-instance operations (NEPTUNE-FACTS-2 §2.1). The spec's evaluator has already judged the request's
/// constraints, rules and preconditions; these change the store and answer. Instances live in clusters: the
/// first member is the writer, later ones are readers, and cluster-managed members come from the cluster.
extension NeptuneEmulator {
    /// One writer and up to 15 readers per cluster (UG aurora-replicas-adding, NEPTUNE-FACTS-2 §3.6).
    static let instancesPerCluster = 16

    /// The stored key of an instance named by identifier or ARN (`arn:aws:rds:REGION:ACCOUNT:db:NAME`).
    static func instanceKey(_ identifier: String) -> String {
        let parts = identifier.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 7, parts[0] == "arn", parts[5] == "db" { return parts[6].lowercased() }
        return identifier.lowercased()
    }

    func instance(named identifier: String?) -> InstanceRecord? {
        identifier.flatMap { instances[Self.instanceKey($0)] }
    }

    func instanceArn(_ id: String) -> String { "arn:aws:rds:\(region):\(configuration.accountId):db:\(id)" }

    func createInstance(_ operation: OperationSpec, _ request: Request) -> EmulatorAnswer {
        let id = Self.instanceKey(text("DBInstanceIdentifier", request) ?? "")
        // The Region's 40-instance quota (RDS CHAP_Limits) is not enforced: one emulator serves many concurrent
        // cases (this package's tests run every case against one), and the spec holds no quota item.
        let parent = cluster(named: text("DBClusterIdentifier", request) ?? "")
        if let parent, parent.instances.count >= Self.instancesPerCluster {
            return renderer.error(
                "InstanceQuotaExceeded", "DB cluster \(parent.id) already has \(Self.instancesPerCluster) instances.")
        }
        let instanceClass = text("DBInstanceClass", request) ?? ""
        sequence += 1
        var record = InstanceRecord(
            id: id, cluster: parent?.id ?? "", instanceClass: instanceClass, status: "creating",
            pending: later("available"), sequence: sequence)
        record.attributes = newInstanceAttributes(id: id, cluster: parent, request: request)
        record.parameterGroup = requestedParameterGroup(request)
        instances[id] = record
        if let parent { clusters[parent.id]?.instances.append(id) }
        return renderer.success(action: operation.name, result: instanceXML(record))
    }

    /// A new instance's members: what the request sets, the rest from its cluster or the documented defaults.
    func newInstanceAttributes(id: String, cluster: ClusterRecord?, request: Request) -> [String: ParameterValue] {
        let inherited = cluster?.attributes ?? [:]
        let zone = text("AvailabilityZone", request) ?? region + "a"
        let suffix = String(format: "%012llx", UInt64(sequence) &* 0x9E37_79B9).uppercased()
        var values: [String: ParameterValue] = [
            "DBInstanceIdentifier": .scalar(id),
            "Engine": .scalar("neptune"),
            "Endpoint": .structure([
                Parameter("Address", .scalar("\(id).c0nf0rm4nce.\(region).neptune.amazonaws.com")),
                Parameter("Port", inherited["Port"] ?? .scalar(defaults.port)),
                Parameter("HostedZoneId", .scalar("ZUFXD4SLT2LS7")),
            ]),
            "InstanceCreateTime": .scalar(ISOTimestamp.format(Date())),
            "DBSecurityGroups": .list([]),
            "DBParameterGroups": .list([
                .structure([
                    Parameter(
                        "DBParameterGroupName",
                        .scalar(
                            text("DBParameterGroupName", request)
                                ?? defaultParameterGroup(for: inherited["EngineVersion"]))),
                    Parameter("ParameterApplyStatus", .scalar("in-sync")),
                ])
            ]),
            "AvailabilityZone": .scalar(zone),
            "PreferredMaintenanceWindow": .scalar("sun:09:00-sun:09:30"),
            "MultiAZ": .scalar("false"),
            "AutoMinorVersionUpgrade": .scalar("true"),
            "ReadReplicaDBInstanceIdentifiers": .list([]),
            "LicenseModel": .scalar("amazon-license"),
            "OptionGroupMemberships": .list([]),
            "PubliclyAccessible": .scalar("false"),
            "DbInstancePort": .scalar("0"),
            "DbiResourceId": .scalar("db-" + suffix),
            "CACertificateIdentifier": .scalar("rds-ca-rsa2048-g1"),
            "DomainMemberships": .list([]),
            "CopyTagsToSnapshot": .scalar("false"),
            "MonitoringInterval": .scalar("0"),
            "PromotionTier": .scalar("1"),
            "DBInstanceArn": .scalar(instanceArn(id)),
            "IAMDatabaseAuthenticationEnabled": .scalar("false"),
            "PerformanceInsightsEnabled": .scalar("false"),
            "DeletionProtection": .scalar("false"),
        ]
        if let cluster {
            values["DBClusterIdentifier"] = .scalar(cluster.id)
            // Managed by the cluster ([model] "Not applicable"): the cluster's values show.
            for name in [
                "PreferredBackupWindow", "BackupRetentionPeriod", "VpcSecurityGroups", "EngineVersion", "StorageType",
                "StorageEncrypted", "KmsKeyId",
            ] {
                if let value = inherited[name] { values[name] = value }
            }
        }
        values["DBSubnetGroup"] = .structure([
            Parameter("DBSubnetGroupName", .scalar(text("DBSubnetGroupName", request) ?? "default")),
            Parameter("DBSubnetGroupDescription", .scalar("default")),
            Parameter("VpcId", .scalar("vpc-0c0nf0rm4nce")),
            Parameter("SubnetGroupStatus", .scalar("Complete")),
            Parameter("Subnets", .list([])),
        ])
        applyInstanceSettings(request, to: &values)
        return values
    }

    /// Request parameters that show as DBInstance members of the same name, with their rendered types.
    static let instanceSettings = [
        "DBInstanceClass", "PreferredMaintenanceWindow", "AutoMinorVersionUpgrade", "PubliclyAccessible",
        "CopyTagsToSnapshot", "MonitoringInterval", "MonitoringRoleArn", "PromotionTier", "DeletionProtection",
        "Timezone", "CACertificateIdentifier",
    ]

    func applyInstanceSettings(_ request: Request, to values: inout [String: ParameterValue]) {
        let shape = spec.shapes["DBInstance"] ?? StructureSpec(members: [])
        for name in Self.instanceSettings {
            guard let value = request.value(at: name), let member = shape.member(named: name) else { continue }
            values[name] = Self.normalised(value, type: member.type)
        }
        if case .list(let types)? = request.value(at: "EnableCloudwatchLogsExports") {
            values["EnabledCloudwatchLogsExports"] = .list(types)
        }
        if let group = requestedParameterGroup(request) {
            values["DBParameterGroups"] = .list([
                .structure([
                    Parameter("DBParameterGroupName", .scalar(group)),
                    Parameter("ParameterApplyStatus", .scalar("pending-reboot")),
                ])
            ])
        }
        if case .structure(let members)? = request.value(at: "CloudwatchLogsExportConfiguration") {
            var enabled = Self.strings(values["EnabledCloudwatchLogsExports"])
            for member in members {
                let names = Self.strings(member.value)
                if member.name == "EnableLogTypes" { enabled += names.filter { !enabled.contains($0) } }
                if member.name == "DisableLogTypes" { enabled.removeAll { names.contains($0) } }
            }
            values["EnabledCloudwatchLogsExports"] = .list(enabled.map { .scalar($0) })
        }
    }

    /// The stored name of the DB parameter group the request names (the DBParameterGroupName precondition has found
    /// it), or nil when it names none.
    func requestedParameterGroup(_ request: Request) -> String? {
        text("DBParameterGroupName", request).map { group(.instance, $0)?.name ?? storedKey(.dbParameterGroup, $0) }
    }

    /// `<DBInstance>` with the stored members plus the computed ones (status, class, pending changes).
    func instanceXML(_ record: InstanceRecord, element: String = "DBInstance") -> String {
        var values = record.attributes
        values["DBInstanceStatus"] = .scalar(record.status)
        values["DBInstanceClass"] = .scalar(record.instanceClass)
        if !record.pendingValues.isEmpty { values["PendingModifiedValues"] = .structure(record.pendingValues) }
        let shape = spec.shapes["DBInstance"] ?? StructureSpec(members: [])
        return "<\(element)>" + renderer.structureBody(values, shape: shape) + "</\(element)>"
    }

    func deleteInstance(_ operation: OperationSpec, _ request: Request) -> EmulatorAnswer {
        guard var record = instance(named: text("DBInstanceIdentifier", request)) else {
            return renderer.error(
                "DBInstanceNotFound", "DBInstance \(text("DBInstanceIdentifier", request) ?? "") not found.")
        }
        record.status = "deleting"
        record.pending = later(nil)
        instances[record.id] = record
        return renderer.success(action: operation.name, result: instanceXML(record))
    }

    func describeInstances(_ operation: OperationSpec, _ request: Request) -> EmulatorAnswer {
        let identifier = text("DBInstanceIdentifier", request)
        // Every instance: a page of the store's own order, with no list sorted.
        if identifier == nil, request.filters.isEmpty {
            return pagedAnswer(page(instances, of: operation, request), of: operation) { instanceXML($0) }
        }
        // One by identifier: no other instance is looked at.
        var selected =
            identifier.map { instance(named: $0).map { [$0] } ?? [] }
            ?? instances.values.sorted { ($0.sequence, $0.id) < ($1.sequence, $1.id) }
        for (name, values) in request.filters {
            selected = selected.filter { record in
                switch name {
                case "db-cluster-id":
                    values.contains {
                        $0.lowercased() == record.cluster
                            || clusters[record.cluster]?.attributes["DBClusterArn"] == .scalar($0)
                    }
                case "engine": values.contains("neptune")
                default: true
                }
            }
        }
        return pagedAnswer(page(selected, key: \.id, of: operation, request), of: operation) { instanceXML($0) }
    }

    func modifyInstance(_ operation: OperationSpec, _ request: Request) -> EmulatorAnswer {
        guard var record = instance(named: text("DBInstanceIdentifier", request)) else {
            return renderer.error("DBInstanceNotFound", "DBInstance not found.")
        }
        let now = text("ApplyImmediately", request)?.lowercased() == "true"
        var settings = request
        // A class change waits for the maintenance window unless applied at once ([model] ApplyImmediately).
        if let newClass = text("DBInstanceClass", request) {
            settings.parameters.removeAll { $0.name == "DBInstanceClass" }
            if now {
                record.instanceClass = newClass
            } else {
                record.pendingValues.removeAll { $0.name == "DBInstanceClass" }
                record.pendingValues.append(Parameter("DBInstanceClass", .scalar(newClass)))
            }
        }
        applyInstanceSettings(settings, to: &record.attributes)
        if let group = requestedParameterGroup(request) { record.parameterGroup = group }
        // [model] NewDBInstanceIdentifier: the rename's reboot waits for the window unless ApplyImmediately; the new
        // identifier holds at once.
        if let newName = text("NewDBInstanceIdentifier", request).map(Self.instanceKey) {
            instances[record.id] = nil
            if let index = clusters[record.cluster]?.instances.firstIndex(of: record.id) {
                clusters[record.cluster]?.instances[index] = newName
            }
            record.id = newName
            record.attributes["DBInstanceIdentifier"] = .scalar(newName)
            record.attributes["DBInstanceArn"] = .scalar(instanceArn(newName))
        }
        record.status = "modifying"
        record.pending = later("available")
        instances[record.id] = record
        return renderer.success(action: operation.name, result: instanceXML(record))
    }

    func rebootInstance(_ operation: OperationSpec, _ request: Request) -> EmulatorAnswer {
        guard var record = instance(named: text("DBInstanceIdentifier", request)) else {
            return renderer.error("DBInstanceNotFound", "DBInstance not found.")
        }
        // A reboot applies pending parameter-group values ([model] DBParameterGroupName "after a reboot").
        if case .list(let groups)? = record.attributes["DBParameterGroups"] {
            record.attributes["DBParameterGroups"] = .list(
                groups.map { group in
                    guard case .structure(let members) = group else { return group }
                    return .structure(
                        members.map {
                            $0.name == "ParameterApplyStatus" ? Parameter($0.name, .scalar("in-sync")) : $0
                        })
                })
        }
        record.status = "rebooting"
        record.pending = later("available")
        instances[record.id] = record
        return renderer.success(action: operation.name, result: instanceXML(record))
    }

    /// Every Storage member is "Not applicable" for Neptune ([model]): an empty Storage list (inferred).
    func describeValidModifications(_ operation: OperationSpec, _ request: Request) -> EmulatorAnswer {
        renderer.success(
            action: operation.name,
            result: "<ValidDBInstanceModificationsMessage><Storage/></ValidDBInstanceModificationsMessage>")
    }
}
