import ConformanceSpec
import Foundation
import Testing

/// `resources.yaml` as loaded: the lifecycles the runner and the generator read, and the questions they ask.
@Suite struct ResourceCatalogTests {
    let spec = try! SpecLoader(directory: TestPaths.specs).load()
    var resources: ResourceCatalog { spec.resources }

    @Test func kindsComeInTearDownOrder() {
        #expect(
            resources.lifecycles.map(\.kind) == [
                .eventSubscription, .dbInstance, .dbClusterEndpoint, .dbCluster, .globalCluster, .dbClusterSnapshot,
                .dbSubnetGroup, .dbClusterParameterGroup, .dbParameterGroup,
            ])
        #expect(resources.lifecycle(of: .dbClusterEndpoint)?.memberOf == nil, "an endpoint is no writer or reader")
        #expect(
            resources.lifecycle(of: .globalCluster)?.usedBy?.kind == .dbCluster,
            "member clusters go before their global cluster")
        #expect(resources.lifecycle(of: .globalCluster)?.regional == false, "a global cluster is not regional")
        #expect(resources.lifecycle(of: .dbCluster)?.regional == true)
        #expect(resources.lifecycle(of: .dbSubnetGroup)?.usedBy?.kind == .dbCluster, "clusters go before their groups")
        #expect(resources.probe == "DescribeDBClusters")
        #expect(resources.members(of: .dbCluster)?.kind == .dbInstance)
    }

    @Test func everyOperationOfTheSpecActsOnOrNamesAKnownResource() {
        // Each operation of operations/ acts on a kind (create, describe, modify, delete or an action), names
        // resources of any kind by ARN (a `namesResource` precondition: the tagging operations), or reads a
        // catalogue of the service (catalogues.yaml: the engine versions; instance-classes.yaml: the orderable
        // options), a family's engine defaults (parameters.yaml), or the region's event log and the event categories
        // of each source type (the events the other kinds' changes cause), which belong to no resource.
        let catalogueReads = Set(spec.catalogues.values.map(\.ask.operation))
        #expect(!catalogueReads.isEmpty)
        let otherReads: Set = [
            "DescribeEngineDefaultClusterParameters", "DescribeEngineDefaultParameters",
            "DescribeOrderableDBInstanceOptions", "DescribeEvents", "DescribeEventCategories",
        ]
        for operation in spec.operations
        where !catalogueReads.contains(operation.name) && !otherReads.contains(operation.name) {
            let byARN = operation.preconditions.contains { if case .namesResource = $0.kind { true } else { false } }
            #expect(
                resources.subject(of: operation.name) != nil || byARN,
                "\(operation.name) acts on no kind of resources.yaml")
        }
        #expect(
            resources.lifecycles.compactMap(\.arn?.type) == ["es", "db", "cluster", "cluster-snapshot", "subgrp"],
            "ARN types of NEPTUNE-FACTS-2 §3.11")
        for helper in resources.helperOperations {
            #expect(resources.subject(of: helper) != nil, "helper \(helper) acts on no kind")
        }
    }

    @Test func cleanupSwitchesProtectionOffThenDeletes() throws {
        let cluster = try #require(resources.lifecycle(of: .dbCluster))
        #expect(cluster.cleanup.map(\.operation) == ["ModifyDBCluster", "DeleteDBCluster"])
        #expect(cluster.cleanup.allSatisfy { $0.waitFor == nil })
        let values = cluster.cleanup[0].values(id: "nc-c1")
        #expect(values.map(\.name) == ["DBClusterIdentifier", "DeletionProtection", "ApplyImmediately"])
        #expect(values.map(\.value) == ["nc-c1", "false", "true"])
        #expect(cluster.cleanup[1].values(id: "nc-c1").map(\.value) == ["nc-c1", "true"])
        #expect(cluster.deletionProtection?.off.waitFor == "available")
    }

    @Test func setUpStepsFillInRelatedResources() throws {
        let instance = try #require(resources.lifecycle(of: .dbInstance))
        #expect(instance.setup.create.relatedKinds == [.dbCluster])
        let values = instance.setup.create.values(id: "nc-i2", related: [.dbCluster: "nc-c1"])
        #expect(values.map(\.name) == ["DBInstanceIdentifier", "DBClusterIdentifier", "DBInstanceClass", "Engine"])
        #expect(values.map(\.value)[0...1] == ["nc-i2", "nc-c1"])
        let cluster = try #require(resources.lifecycle(of: .dbCluster))
        #expect(cluster.readyState == "available")
        #expect(cluster.action(reaching: "stopped")?.operation == "StopDBCluster")
        let replica = cluster.setup.create.adding(try #require(cluster.setup.readReplica)).values(
            id: "nc-c2", related: [.dbCluster: "nc-c1"])
        #expect(replica.map(\.name) == ["DBClusterIdentifier", "Engine", "ReplicationSourceIdentifier"])
    }

    @Test func parametersNameTheirKinds() throws {
        func kind(_ parameter: String, _ operation: String) -> ResourceKind? {
            spec.operation(named: operation).flatMap { resources.kind(named: parameter, in: $0) }
        }
        #expect(kind("FinalDBSnapshotIdentifier", "DeleteDBCluster") == .dbClusterSnapshot)
        #expect(kind("NewDBClusterIdentifier", "ModifyDBCluster") == .dbCluster)
        #expect(kind("SnapshotIdentifier", "RestoreDBClusterFromSnapshot") == .dbClusterSnapshot)
        #expect(kind("TargetDBInstanceIdentifier", "FailoverDBCluster") == .dbInstance)
        #expect(kind("DBClusterParameterGroupName", "ModifyDBCluster") == .dbClusterParameterGroup)
        #expect(resources.creations(by: "DeleteDBCluster").map(\.kind) == [.dbClusterSnapshot])
        #expect(
            resources.lifecycle(offering: "LatestRestorableTime")?.describe.path(of: "LatestRestorableTime")
                == "DescribeDBClustersResult/DBClusters/DBCluster/LatestRestorableTime")
    }
}
