import ConformanceSpec

/// Behaviour code by operation: what Neptune does that the resource engine (`NeptuneEmulator+SpecResources`) cannot
/// read from `Specs/` (state machines, cluster membership, failover, parameters, events, tags by ARN). The one place
/// an operation is bound to code; an operation not listed is the engine's, from the spec alone.
extension NeptuneEmulator {
    typealias Behaviour = @Sendable (isolated NeptuneEmulator, OperationSpec, Request) -> EmulatorAnswer

    static let behaviours: [String: Behaviour] = [
        // DB clusters: state machine, members, restores, failover (NeptuneEmulator+Clusters, +Failover).
        "CreateDBCluster": { emulator, _, request in emulator.createCluster(request) },
        "DeleteDBCluster": { emulator, _, request in emulator.deleteCluster(request) },
        "DescribeDBClusters": { $0.describeClusters($1, $2) },
        "ModifyDBCluster": { emulator, _, request in emulator.modifyCluster(request) },
        "FailoverDBCluster": { emulator, _, request in emulator.failover(request) },
        "PromoteReadReplicaDBCluster": { emulator, _, request in emulator.promote(request) },
        "RestoreDBClusterFromSnapshot": { emulator, _, request in emulator.restoreFromSnapshot(request) },
        "RestoreDBClusterToPointInTime": { emulator, _, request in emulator.restoreToPointInTime(request) },
        "StartDBCluster": { emulator, operation, request in
            emulator.transition(request, action: operation.name, during: "starting", to: "available")
        },
        "StopDBCluster": { emulator, operation, request in
            emulator.transition(request, action: operation.name, during: "stopping", to: "stopped")
        },
        "AddRoleToDBCluster": { emulator, _, request in emulator.addRole(request) },
        "RemoveRoleFromDBCluster": { emulator, _, request in emulator.removeRole(request) },
        // DB instances: writer and readers, pending changes, reboots, the orderable catalogue.
        "CreateDBInstance": { emulator, _, request in emulator.createInstance(request) },
        "DeleteDBInstance": { emulator, _, request in emulator.deleteInstance(request) },
        "DescribeDBInstances": { $0.describeInstances($1, $2) },
        "ModifyDBInstance": { emulator, _, request in emulator.modifyInstance(request) },
        "RebootDBInstance": { emulator, _, request in emulator.rebootInstance(request) },
        "DescribeValidDBInstanceModifications": { emulator, _, request in
            emulator.describeValidModifications(request)
        },
        "DescribeOrderableDBInstanceOptions": { emulator, operation, request in
            emulator.describeOrderableOptions(operation, request)
        },
        // Cluster snapshots: copies, restore attributes.
        "CreateDBClusterSnapshot": { emulator, _, request in emulator.createSnapshot(request) },
        "DeleteDBClusterSnapshot": { emulator, _, request in emulator.deleteSnapshot(request) },
        "DescribeDBClusterSnapshots": { emulator, operation, request in emulator.describeSnapshots(operation, request)
        },
        "CopyDBClusterSnapshot": { emulator, _, request in emulator.copySnapshot(request) },
        "DescribeDBClusterSnapshotAttributes": { emulator, _, request in emulator.describeSnapshotAttributes(request) },
        "ModifyDBClusterSnapshotAttribute": { emulator, _, request in emulator.modifySnapshotAttribute(request) },
        // Global databases: membership, failover and switchover across regions.
        "CreateGlobalCluster": { emulator, _, request in emulator.createGlobalCluster(request) },
        "DeleteGlobalCluster": { emulator, _, request in emulator.deleteGlobalCluster(request) },
        "DescribeGlobalClusters": { $0.describeGlobalClusters($1, $2) },
        "ModifyGlobalCluster": { emulator, _, request in emulator.modifyGlobalCluster(request) },
        "FailoverGlobalCluster": { emulator, operation, request in
            emulator.changeWriter(
                request, action: operation.name,
                dataLoss: emulator.text("AllowDataLoss", request)?.lowercased() == "true")
        },
        "SwitchoverGlobalCluster": { emulator, operation, request in
            emulator.changeWriter(request, action: operation.name, dataLoss: false)
        },
        "RemoveFromGlobalCluster": { emulator, _, request in emulator.removeFromGlobalCluster(request) },
        // Parameter groups of both levels: families, parameter values, apply and reset.
        "CreateDBClusterParameterGroup": { $0.createParameterGroup($1, $2) },
        "CreateDBParameterGroup": { $0.createParameterGroup($1, $2) },
        "CopyDBClusterParameterGroup": { $0.copyParameterGroup($1, $2) },
        "CopyDBParameterGroup": { $0.copyParameterGroup($1, $2) },
        "DeleteDBClusterParameterGroup": { $0.deleteParameterGroup($1, $2) },
        "DeleteDBParameterGroup": { $0.deleteParameterGroup($1, $2) },
        "DescribeDBClusterParameterGroups": { $0.describeParameterGroups($1, $2) },
        "DescribeDBParameterGroups": { $0.describeParameterGroups($1, $2) },
        "DescribeDBClusterParameters": { $0.describeParameters($1, $2) },
        "DescribeDBParameters": { $0.describeParameters($1, $2) },
        "ModifyDBClusterParameterGroup": { $0.modifyParameterGroup($1, $2) },
        "ModifyDBParameterGroup": { $0.modifyParameterGroup($1, $2) },
        "ResetDBClusterParameterGroup": { $0.resetParameterGroup($1, $2) },
        "ResetDBParameterGroup": { $0.resetParameterGroup($1, $2) },
        "DescribeEngineDefaultClusterParameters": { $0.describeEngineDefaults($1, $2) },
        "DescribeEngineDefaultParameters": { $0.describeEngineDefaults($1, $2) },
        "DescribeDBEngineVersions": { $0.describeEngineVersions($1, $2) },
        // Custom endpoints: built-in endpoints, member lists, transitions.
        "CreateDBClusterEndpoint": { emulator, _, request in emulator.createEndpoint(request) },
        "DeleteDBClusterEndpoint": { emulator, _, request in emulator.deleteEndpoint(request) },
        "DescribeDBClusterEndpoints": { $0.describeEndpoints($1, $2) },
        "ModifyDBClusterEndpoint": { emulator, _, request in emulator.modifyEndpoint(request) },
        // Pending maintenance.
        "DescribePendingMaintenanceActions": { $0.describePendingMaintenance($1, $2) },
        "ApplyPendingMaintenanceAction": { emulator, _, request in emulator.applyPendingMaintenance(request) },
        // Tags by ARN, for every kind resources.yaml gives an ARN type.
        "AddTagsToResource": { emulator, _, request in emulator.addTags(request) },
        "ListTagsForResource": { emulator, _, request in emulator.listTags(request) },
        "RemoveTagsFromResource": { emulator, _, request in emulator.removeTags(request) },
        // Events and a subscription's sources (subscriptions themselves are the engine's, KindBehaviour).
        "AddSourceIdentifierToSubscription": { $0.changeSources($1, $2, adding: true) },
        "RemoveSourceIdentifierFromSubscription": { $0.changeSources($1, $2, adding: false) },
        "DescribeEvents": { $0.describeEvents($1, $2) },
        "DescribeEventCategories": { emulator, _, request in emulator.describeEventCategories(request) },
    ]
}
