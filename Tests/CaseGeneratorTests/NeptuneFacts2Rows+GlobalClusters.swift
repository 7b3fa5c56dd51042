/// NEPTUNE-FACTS-2 §6 rows 123-139: the global-database operations.
extension NeptuneFacts2Rows {
    static let globalClusters = Facts2Family(
        exercisedBy: [
            123: [
                "CreateGlobalCluster/stateful/GlobalClusterIdentifier/GlobalCluster-already-exists",
                "CreateGlobalCluster/stateful/GlobalClusterIdentifier/GlobalCluster-already-exists-other-case",
            ],
            124: [
                "CreateGlobalCluster/invalid/GlobalClusterIdentifier/pattern-mismatch",
                "CreateGlobalCluster/invalid/GlobalClusterIdentifier/too-long",
            ],
            125: ["CreateGlobalCluster/invalid/EngineVersion/reserved-1.1.1.0"],
            126: ["CreateGlobalCluster/stateful/SourceDBClusterIdentifier/DBCluster-not-found"],
            128: ["DeleteGlobalCluster/stateful/GlobalClusterIdentifier/in-use"],
            129: ["DeleteGlobalCluster/stateful/GlobalClusterIdentifier/GlobalCluster-not-found"],
            130: ["DescribeGlobalClusters/stateful/GlobalClusterIdentifier/GlobalCluster-not-found"],
            131: [
                "ModifyGlobalCluster/stateful/NewGlobalClusterIdentifier/GlobalCluster-already-exists",
                "ModifyGlobalCluster/stateful/NewGlobalClusterIdentifier/GlobalCluster-already-exists-other-case",
            ],
            133: ["FailoverGlobalCluster/invalid/rules/exclusive/together"],
            134: ["FailoverGlobalCluster/stateful/GlobalClusterIdentifier/GlobalCluster-not-found"],
            135: ["FailoverGlobalCluster/stateful/TargetDbClusterIdentifier/DBCluster-not-found"],
            136: [
                "FailoverGlobalCluster/stateful/TargetDbClusterIdentifier/not-a-member",
                "FailoverGlobalCluster/stateful/TargetDbClusterIdentifier/is-the-writer",
                "SwitchoverGlobalCluster/stateful/TargetDbClusterIdentifier/not-a-member",
                "SwitchoverGlobalCluster/stateful/TargetDbClusterIdentifier/is-the-writer",
            ],
            138: ["RemoveFromGlobalCluster/stateful/DbClusterIdentifier/is-the-writer"],
            139: ["RemoveFromGlobalCluster/stateful/DbClusterIdentifier/not-a-member"],
        ],
        notExercised: [
            127:
                "a source cluster already in a global cluster: the spec holds no precondition on a cluster's membership of any global cluster (memberOf names one); the emulator refuses it (GlobalClusterTests)",
            132:
                "a major version change compares the request with the global cluster's stored version: the spec's rules read the request only; the emulator refuses it (GlobalClusterTests)",
            137:
                "a switchover or failover in progress is transient: no set-up can hold a global cluster in it (zero delay settles at the next request); the emulator refuses it (GlobalClusterTests)",
        ])
}
