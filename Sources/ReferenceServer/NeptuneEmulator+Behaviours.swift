import ConformanceSpec

/// Behaviour code by operation: what Neptune does that the resource engine (`NeptuneEmulator+SpecResources`) cannot
/// read from `Specs/` (state machines, cluster membership, failover, parameters, events, tags by ARN). The one place
/// an operation is bound to code; an operation not listed is the engine's, from the spec alone.
extension NeptuneEmulator {
    typealias Behaviour = @Sendable (isolated NeptuneEmulator, OperationSpec, Request) -> EmulatorAnswer

    static let behaviours: [String: Behaviour] = [
        // DB clusters: state machine, members, restores, failover (NeptuneEmulator+Clusters).
        "CreateDBCluster": { $0.createCluster($1, $2) },
        "DeleteDBCluster": { $0.deleteCluster($1, $2) },
        "DescribeDBClusters": { $0.describeClusters($1, $2) },
        "ModifyDBCluster": { $0.modifyCluster($1, $2) },
        "FailoverDBCluster": { $0.failover($1, $2) },
        "PromoteReadReplicaDBCluster": { $0.promote($1, $2) },
        "RestoreDBClusterFromSnapshot": { $0.restoreFromSnapshot($1, $2) },
        "RestoreDBClusterToPointInTime": { $0.restoreToPointInTime($1, $2) },
        "StartDBCluster": { $0.transition($1, $2) },
        "StopDBCluster": { $0.transition($1, $2) },
        "AddRoleToDBCluster": { $0.addRole($1, $2) },
        "RemoveRoleFromDBCluster": { $0.removeRole($1, $2) },
        // DB instances: valid modifications, the orderable catalogue (instances and their reboots are the engine's,
        // KindBehaviour).
        "DescribeValidDBInstanceModifications": { $0.describeValidModifications($1, $2) },
        "DescribeOrderableDBInstanceOptions": { $0.describeOrderableOptions($1, $2) },
        // Cluster snapshots: the restore attribute (the snapshots are the engine's, KindBehaviour).
        "DescribeDBClusterSnapshotAttributes": { $0.describeSnapshotAttributes($1, $2) },
        "ModifyDBClusterSnapshotAttribute": { $0.modifySnapshotAttribute($1, $2) },
        // Global databases: failover, switchover and removal across regions (the global clusters are the engine's).
        "FailoverGlobalCluster": { emulator, operation, request in
            emulator.changeWriter(
                operation, request, dataLoss: emulator.text("AllowDataLoss", request)?.lowercased() == "true")
        },
        "SwitchoverGlobalCluster": { $0.changeWriter($1, $2, dataLoss: false) },
        "RemoveFromGlobalCluster": { $0.removeFromGlobalCluster($1, $2) },
        // Parameter groups of both levels: their parameter values (the groups, their modify and reset are the engine's,
        // KindBehaviour).
        "DescribeDBClusterParameters": { $0.describeParameters($1, $2) },
        "DescribeDBParameters": { $0.describeParameters($1, $2) },
        "DescribeEngineDefaultClusterParameters": { $0.describeEngineDefaults($1, $2) },
        "DescribeEngineDefaultParameters": { $0.describeEngineDefaults($1, $2) },
        "DescribeDBEngineVersions": { $0.describeEngineVersions($1, $2) },
        // Pending maintenance.
        "DescribePendingMaintenanceActions": { $0.describePendingMaintenance($1, $2) },
        "ApplyPendingMaintenanceAction": { $0.applyPendingMaintenance($1, $2) },
        // Events (subscriptions and their sources are the engine's, KindBehaviour).
        "DescribeEvents": { $0.describeEvents($1, $2) },
        "DescribeEventCategories": { $0.describeEventCategories($1, $2) },
    ]
}
