import ConformanceSpec
import Foundation
import Testing

/// The checked-in Specs/ load, and carry the facts gathered in NEPTUNE-FACTS.md.
@Suite struct SpecLoaderTests {
    let spec: ServiceSpec

    init() throws { spec = try SpecLoader(directory: TestPaths.specs).load() }

    @Test func loadsTheTenOperationsAndTheFamiliesBeyond() {
        let names = Set(spec.operations.map(\.name))
        #expect(
            names.isSuperset(of: [
                "CreateDBCluster", "DeleteDBCluster", "DescribeDBClusters", "FailoverDBCluster", "ModifyDBCluster",
                "PromoteReadReplicaDBCluster", "RestoreDBClusterFromSnapshot", "RestoreDBClusterToPointInTime",
                "StartDBCluster", "StopDBCluster",
            ]))
        #expect(
            names.isSuperset(of: [
                "CreateDBSubnetGroup", "DeleteDBSubnetGroup", "DescribeDBSubnetGroups", "ModifyDBSubnetGroup",
                "AddTagsToResource", "ListTagsForResource", "RemoveTagsFromResource", "AddRoleToDBCluster",
                "RemoveRoleFromDBCluster",
            ]))
        #expect(
            names.isSuperset(of: [
                "CreateDBInstance", "DeleteDBInstance", "DescribeDBInstances", "ModifyDBInstance", "RebootDBInstance",
                "DescribeValidDBInstanceModifications", "DescribeOrderableDBInstanceOptions", "CreateDBClusterSnapshot",
                "DeleteDBClusterSnapshot", "DescribeDBClusterSnapshots", "CopyDBClusterSnapshot",
                "DescribeDBClusterSnapshotAttributes", "ModifyDBClusterSnapshotAttribute",
            ]))
        // The ten have the API document as their source; the others say they come from the service model.
        #expect(spec.operations.filter { $0.origin == .document }.count == 10)
        #expect(spec.instanceClasses.orderable("db.r5.large", engineVersion: "1.3.2.1"))
        #expect(!spec.instanceClasses.orderable("db.r4.large", engineVersion: "1.1.1.0"), "R4: not from 1.1.0.0")
        #expect(!spec.instanceClasses.orderable("db.serverless", engineVersion: "1.2.0.0"), "serverless: from 1.2.0.1")
        #expect(spec.instanceClasses.serverlessClass == "db.serverless")
        #expect(spec.apiVersion == "2014-10-31")
        #expect(spec.xmlNamespace == "http://rds.amazonaws.com/doc/2014-10-31/")
        #expect(spec.signingName == "rds")
        // NEPTUNE-FACTS-2 §1.1: seven operations have no output shape, so no result wrapper.
        let withoutOutput: Set<String> = [
            "AddRoleToDBCluster", "RemoveRoleFromDBCluster", "AddTagsToResource", "RemoveTagsFromResource",
            "DeleteDBClusterParameterGroup", "DeleteDBParameterGroup", "DeleteDBSubnetGroup",
        ]
        for operation in spec.operations {
            #expect(
                operation.resultWrapper == (withoutOutput.contains(operation.name) ? "" : operation.name + "Result"),
                "\(operation.name)")
        }
    }

    /// Required members as NEPTUNE-FACTS.md lists them (from the service model).
    @Test(arguments: [
        ("CreateDBCluster", ["DBClusterIdentifier", "Engine"]),
        ("DeleteDBCluster", ["DBClusterIdentifier"]),
        ("DescribeDBClusters", []),
        ("FailoverDBCluster", []),
        ("ModifyDBCluster", ["DBClusterIdentifier"]),
        ("PromoteReadReplicaDBCluster", ["DBClusterIdentifier"]),
        ("RestoreDBClusterFromSnapshot", ["DBClusterIdentifier", "SnapshotIdentifier", "Engine"]),
        ("RestoreDBClusterToPointInTime", ["DBClusterIdentifier", "SourceDBClusterIdentifier"]),
        ("StartDBCluster", ["DBClusterIdentifier"]),
        ("StopDBCluster", ["DBClusterIdentifier"]),
    ])
    func requiredParameters(operation: String, required: [String]) throws {
        let found = try #require(spec.operation(named: operation))
        #expect(found.parameters.members.filter(\.required).map(\.name).sorted() == required.sorted())
    }

    /// Query-protocol member names, as NEPTUNE-FACTS.md confirmed them with botocore's serializer.
    @Test(arguments: [
        ("CreateDBCluster", "AvailabilityZones", "AvailabilityZone"),
        ("CreateDBCluster", "VpcSecurityGroupIds", "VpcSecurityGroupId"),
        ("CreateDBCluster", "Tags", "Tag"),
        ("CreateDBCluster", "EnableCloudwatchLogsExports", "member"),
        ("DescribeDBClusters", "Filters", "Filter"),
        ("DescribeDBClusters", "Filters.Values", "Value"),
        ("ModifyDBCluster", "CloudwatchLogsExportConfiguration.EnableLogTypes", "member"),
        ("ModifyDBCluster", "CloudwatchLogsExportConfiguration.DisableLogTypes", "member"),
    ])
    func listMemberNames(operation: String, path: String, memberName: String) throws {
        let found = try #require(spec.operation(named: operation))
        let parts = path.split(separator: ".").map(String.init)
        var member = try #require(found.parameter(at: parts[0]))
        if parts.count > 1 {
            var structure: StructureSpec
            switch member.type {
            case .list(let list):
                guard case .structure(let inner) = list.member else {
                    Issue.record("no structure")
                    return
                }
                structure = inner
            case .structure(let inner): structure = inner
            default:
                Issue.record("\(path) is not nested")
                return
            }
            member = try #require(structure.member(named: parts[1]))
        }
        guard case .list(let list) = member.type else {
            Issue.record("\(path) is not a list")
            return
        }
        #expect(list.memberName == memberName)
    }

    @Test func constraintsFromTheDocument() throws {
        let create = try #require(spec.operation(named: "CreateDBCluster"))
        #expect(create.parameter(at: "BackupRetentionPeriod")?.constraints.map(\.kind) == [.range(min: 1, max: 35)])
        #expect(create.parameter(at: "BackupRetentionPeriod")?.defaultValue == "1")
        #expect(create.parameter(at: "Port")?.defaultValue == "8182")
        #expect(create.parameter(at: "DeletionProtection")?.defaultValue == "false")
        #expect(
            create.parameter(at: "DBClusterIdentifier")?.constraints.map(\.kind) == [
                .identifier(minLength: 1, maxLength: 63)
            ])
        #expect(create.parameter(at: "DBClusterIdentifier")?.lowercased == true)
        #expect(create.parameter(at: "Engine")?.constraints.map(\.kind) == [.oneOf(["neptune"])])
        #expect(
            create.parameter(at: "PreferredBackupWindow")?.constraints.map(\.kind) == [.window(.daily, minMinutes: 30)])
        #expect(
            create.parameter(at: "PreferredMaintenanceWindow")?.constraints.map(\.kind) == [
                .window(.weekly, minMinutes: 30)
            ])
        let minimum = try #require(create.parameter(at: "ServerlessV2ScalingConfiguration.MinCapacity"))
        #expect(minimum.type == .double)
        #expect(minimum.constraints.map(\.kind).contains(.step(0.5)))
        #expect(
            create.rules.map(\.kind).contains(
                .ordered(
                    lower: "ServerlessV2ScalingConfiguration.MinCapacity",
                    upper: "ServerlessV2ScalingConfiguration.MaxCapacity")))
        #expect(
            create.rules.map(\.kind).contains(
                .disjointWindows(daily: "PreferredBackupWindow", weekly: "PreferredMaintenanceWindow")))
        for name in ["CharacterSetName", "MasterUsername", "MasterUserPassword", "OptionGroupName"] {
            #expect(create.parameter(at: name)?.unsupported == true, "\(name) is not supported by Neptune")
        }
        let describe = try #require(spec.operation(named: "DescribeDBClusters"))
        #expect(describe.parameter(at: "MaxRecords")?.constraints.map(\.kind) == [.range(min: 20, max: 100)])
        let modify = try #require(spec.operation(named: "ModifyDBCluster"))
        #expect(modify.parameter(at: "Port")?.constraints.map(\.kind) == [.range(min: 1150, max: 65535)])
        let pitr = try #require(spec.operation(named: "RestoreDBClusterToPointInTime"))
        #expect(pitr.rules.map(\.kind).contains(.exclusive(["RestoreToTime", "UseLatestRestorableTime"])))
        #expect(
            pitr.rules.map(\.kind).contains(
                .forbiddenWhen(parameter: "RestoreToTime", when: "RestoreType", equals: "copy-on-write")))
        #expect(spec.operation(named: "PromoteReadReplicaDBCluster")?.unsupported == true)
    }

    /// Error codes and statuses from NEPTUNE-FACTS.md section 4.
    @Test(arguments: [
        ("DBClusterNotFoundFault", 404), ("DBClusterSnapshotNotFoundFault", 404), ("DBSubnetGroupNotFoundFault", 404),
        ("GlobalClusterNotFoundFault", 404), ("DBClusterParameterGroupNotFound", 404), ("DBInstanceNotFound", 404),
        ("DBClusterQuotaExceededFault", 403), ("InsufficientDBClusterCapacityFault", 403),
        ("InvalidDBClusterStateFault", 400), ("DBClusterAlreadyExistsFault", 400), ("InvalidDBInstanceState", 400),
        ("InvalidParameterValue", 400), ("InvalidParameterCombination", 400), ("MissingParameter", 400),
    ])
    func errorStatuses(code: String, status: Int) throws {
        let error = try #require(spec.errors[code])
        #expect(error.httpStatus == status)
        #expect(error.type == .sender)
    }

    @Test func statePreconditions() throws {
        func states(_ name: String) -> [[String]] {
            spec.operation(named: name)!.preconditions.compactMap { if case .state(let s) = $0.kind { s } else { nil } }
        }
        #expect(states("StopDBCluster") == [["available"]])
        #expect(states("StartDBCluster") == [["stopped"]])
        let delete = try #require(spec.operation(named: "DeleteDBCluster"))
        let protected = try #require(delete.preconditions.first { $0.kind == .notDeletionProtected })
        #expect(protected.error == "InvalidParameterCombination")
        // NEPTUNE-FACTS.md row 34: a cluster that still has instances is not deleted.
        let instances = try #require(delete.preconditions.first { $0.kind == .hasNoInstances })
        #expect(instances.parameter == "DBClusterIdentifier" && instances.error == "InvalidDBClusterStateFault")
    }

    /// NEPTUNE-FACTS.md rows 40 and 43: a failover target must be a reader of the cluster (the writer is refused
    /// with InvalidDBInstanceState); NewDBClusterIdentifier renames the cluster DBClusterIdentifier names.
    @Test func failoverTargetAndRename() throws {
        let failover = try #require(spec.operation(named: "FailoverDBCluster"))
        let reader = try #require(failover.preconditions.first { $0.parameter == "TargetDBInstanceIdentifier" })
        #expect(reader.kind == .readerOf(cluster: "DBClusterIdentifier") && reader.error == "InvalidDBInstanceState")
        #expect(
            failover.namesReaderInstance("TargetDBInstanceIdentifier")
                && !failover.namesReaderInstance("DBClusterIdentifier"))
        let modify = try #require(spec.operation(named: "ModifyDBCluster"))
        #expect(modify.renaming("DBClusterIdentifier") == "NewDBClusterIdentifier")
        #expect(
            spec.operations.filter { $0.name != "ModifyDBCluster" }.allSatisfy {
                $0.renaming("DBClusterIdentifier") == nil
            })
        #expect(
            modify.preconditions.contains {
                $0.parameter == "NewDBClusterIdentifier" && $0.kind == .absent(.dbCluster)
                    && $0.error == "DBClusterAlreadyExistsFault"
            })
        // Row 56: a RestoreToTime after the source's latest restorable time (inferred).
        let pitr = try #require(spec.operation(named: "RestoreDBClusterToPointInTime"))
        #expect(
            pitr.preconditions.contains {
                $0.parameter == "RestoreToTime" && $0.kind == .restorableTime(source: "SourceDBClusterIdentifier")
                    && $0.error == "InvalidParameterValue" && $0.inferred
            })
    }

    @Test func responseShape() throws {
        let cluster = try #require(spec.shapes["DBCluster"])
        #expect(cluster.members.count == 45)
        guard case .list(let members) = cluster.member(named: "DBClusterMembers")?.type else {
            Issue.record("no list")
            return
        }
        #expect(members.memberName == "DBClusterMember")
        #expect(members.unordered)
        guard case .structure(let scaling) = cluster.member(named: "ServerlessV2ScalingConfiguration")?.type else {
            Issue.record("no structure")
            return
        }
        #expect(scaling.members.map(\.name) == ["MinCapacity", "MaxCapacity"])
        #expect(scaling.members.allSatisfy { $0.type == .double })
        let describe = try #require(spec.operation(named: "DescribeDBClusters"))
        guard case .list(let clusters) = describe.output.member(named: "DBClusters")?.type else {
            Issue.record("no list")
            return
        }
        #expect(clusters.memberName == "DBCluster")
    }
}
