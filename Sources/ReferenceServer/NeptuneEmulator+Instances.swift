import ConformanceSpec
import Foundation
import QueryProtocol

/// What DB instances do beyond the resource engine (NEPTUNE-FACTS-2 §2.1), called from `KindBehaviour.instances`
/// and the behaviour table: the members of a new instance (from the request, its cluster and the documented defaults),
/// a modify's changes, what a reboot applies, and the valid modifications. Instances live in clusters: the first member is the
/// writer, later ones are readers, and cluster-managed members come from the cluster.
extension NeptuneEmulator {
    /// One writer and up to 15 readers per cluster (UG aurora-replicas-adding, NEPTUNE-FACTS-2 §3.6).
    static let instancesPerCluster = 16

    /// A new instance's members (the engine has set its identifier and status), or the refusal of a full cluster.
    /// The instance joins its cluster's members (the first is the writer).
    func completeNewInstance(_ members: inout [String: ParameterValue], _ request: Request) -> KindBehaviour.Refusal? {
        // The Region's 40-instance quota (RDS CHAP_Limits) is not enforced: one emulator serves many concurrent
        // cases (this package's tests run every case against one), and the spec holds no quota item.
        let parent = cluster(named: text("DBClusterIdentifier", request) ?? "")
        if let parent, parent.instances.count >= Self.instancesPerCluster {
            return KindBehaviour.Refusal(
                code: "InstanceQuotaExceeded",
                message: "DB cluster \(parent.id) already has \(Self.instancesPerCluster) instances.")
        }
        let id = members.text("DBInstanceIdentifier") ?? ""
        members.merge(newInstanceAttributes(id: id, cluster: parent, request: request)) { engine, _ in engine }
        if let parent { clusters[parent.id]?.instances.append(id) }
        return nil
    }

    /// A new instance's members: what the request sets, the rest from its cluster or the service's defaults (the engine
    /// has set the documented defaults of the create's parameters, `default:`, and derives its ARN and DbiResourceId,
    /// shapes.yaml `derive:`).
    func newInstanceAttributes(id: String, cluster: ClusterRecord?, request: Request) -> [String: ParameterValue] {
        let inherited = cluster?.attributes ?? [:]
        let zone = text("AvailabilityZone", request) ?? region + "a"
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
            "ReadReplicaDBInstanceIdentifiers": .list([]),
            "LicenseModel": .scalar("amazon-license"),
            "OptionGroupMemberships": .list([]),
            "PubliclyAccessible": .scalar("false"),
            "DbInstancePort": .scalar("0"),
            "CACertificateIdentifier": .scalar("rds-ca-rsa2048-g1"),
            "DomainMemberships": .list([]),
            "IAMDatabaseAuthenticationEnabled": .scalar("false"),
            "PerformanceInsightsEnabled": .scalar("false"),
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

    /// A modify's changes to an instance's members (the engine renames it and shows it `modifying`).
    func completeInstanceChange(_ members: inout [String: ParameterValue], _ request: Request) {
        var settings = request
        // A class change waits for the maintenance window unless applied at once ([model] ApplyImmediately).
        if let newClass = text("DBInstanceClass", request) {
            settings.parameters.removeAll { $0.name == "DBInstanceClass" }
            if text("ApplyImmediately", request)?.lowercased() == "true" {
                members["DBInstanceClass"] = .scalar(newClass)
            } else {
                var waiting: [Parameter] = []
                if case .structure(let pending)? = members["PendingModifiedValues"] { waiting = pending }
                waiting.removeAll { $0.name == "DBInstanceClass" }
                waiting.append(Parameter("DBInstanceClass", .scalar(newClass)))
                members["PendingModifiedValues"] = .structure(waiting)
            }
        }
        applyInstanceSettings(settings, to: &members)
    }

    /// After a reboot: the parameter groups' pending values are applied (`ParameterApplyStatus` in-sync).
    func applyParameterGroups(_ members: inout [String: ParameterValue]) {
        guard case .list(let groups)? = members["DBParameterGroups"] else { return }
        members["DBParameterGroups"] = .list(
            groups.map { group in
                guard case .structure(let fields) = group else { return group }
                return .structure(
                    fields.map { $0.name == "ParameterApplyStatus" ? Parameter($0.name, .scalar("in-sync")) : $0 })
            })
    }

    /// Every Storage member is "Not applicable" for Neptune ([model]): an empty Storage list (inferred).
    func describeValidModifications(_ operation: OperationSpec, _ request: Request) -> EmulatorAnswer {
        renderer.success(
            action: operation.name,
            result: "<ValidDBInstanceModificationsMessage><Storage/></ValidDBInstanceModificationsMessage>")
    }
}
