/// NEPTUNE-FACTS-2 §6 rows 1-61: the DB-instance and cluster-snapshot operations.
extension NeptuneFacts2Rows {
    static let instancesAndSnapshots = Facts2Family(
        exercisedBy: [
            1: ["CreateDBInstance/invalid/DBClusterIdentifier/missing"],
            2: ["CreateDBInstance/invalid/DBInstanceClass/missing"],
            3: ["CreateDBInstance/invalid/Engine/unknown-value"],
            4: [
                "CreateDBInstance/invalid/DBInstanceIdentifier/leading-digit",
                "CreateDBInstance/invalid/DBInstanceIdentifier/trailing-hyphen",
                "CreateDBInstance/invalid/DBInstanceIdentifier/double-hyphen",
                "CreateDBInstance/invalid/DBInstanceIdentifier/bad-character",
                "CreateDBInstance/invalid/DBInstanceIdentifier/too-long",
            ],
            5: [
                "CreateDBInstance/stateful/DBInstanceIdentifier/DBInstance-already-exists",
                "CreateDBInstance/stateful/DBInstanceIdentifier/DBInstance-already-exists-other-case",
            ],
            6: ["CreateDBInstance/stateful/DBClusterIdentifier/DBCluster-not-found"],
            7: ["CreateDBInstance/stateful/DBInstanceClass/serverless-without-range"],
            8: [
                "CreateDBInstance/stateful/DBInstanceClass/retired-class",
                "CreateDBInstance/stateful/DBInstanceClass/unknown-class",
            ],
            9: ["CreateDBInstance/stateful/DBParameterGroupName/DBParameterGroup-not-found"],
            11: ["CreateDBInstance/stateful/DBClusterIdentifier/in-state-stopped"],
            12: [
                "CreateDBInstance/invalid/PromotionTier/below-minimum",
                "CreateDBInstance/invalid/PromotionTier/above-maximum",
            ],
            13: ["CreateDBInstance/invalid/MonitoringInterval/unknown-value"],
            14: ["CreateDBInstance/invalid/rules/forbiddenWhen/MonitoringRoleArn-with-0"],
            16: ["CreateDBInstance/invalid/rules/forbiddenWhen/AvailabilityZone-with-true"],
            19: ["CreateDBInstance/invalid/Tags.Key/prefix-aws"],
            20: ["DeleteDBInstance/stateful/DBInstanceIdentifier/DBInstance-not-found"],
            21: ["DeleteDBInstance/invalid/FinalDBSnapshotIdentifier/unsupported"],
            24: ["DeleteDBInstance/stateful/deletion-protection/refused"],
            26: ["DescribeDBInstances/stateful/DBInstanceIdentifier/DBInstance-not-found"],
            27: [
                "DescribeDBInstances/invalid/MaxRecords/below-minimum",
                "DescribeDBInstances/invalid/MaxRecords/above-maximum",
            ],
            28: ["DescribeDBInstances/invalid/Filters.Name/unknown-value"],
            30: ["ModifyDBInstance/stateful/DBInstanceIdentifier/DBInstance-not-found"],
            31: [
                "ModifyDBInstance/stateful/NewDBInstanceIdentifier/DBInstance-already-exists",
                "ModifyDBInstance/stateful/NewDBInstanceIdentifier/DBInstance-already-exists-other-case",
            ],
            32: ["ModifyDBInstance/invalid/NewDBInstanceIdentifier/double-hyphen"],
            33: ["ModifyDBInstance/stateful/DBParameterGroupName/DBParameterGroup-not-found"],
            35: ["ModifyDBInstance/stateful/DBInstanceIdentifier/in-state-stopped"],
            36: ["RebootDBInstance/stateful/DBInstanceIdentifier/DBInstance-not-found"],
            37: ["RebootDBInstance/stateful/DBInstanceIdentifier/in-state-stopped"],
            39: ["DescribeValidDBInstanceModifications/stateful/DBInstanceIdentifier/DBInstance-not-found"],
            40: ["DescribeOrderableDBInstanceOptions/invalid/Engine/missing"],
            41: ["DescribeOrderableDBInstanceOptions/invalid/MaxRecords/below-minimum"],
            42: ["CreateDBClusterSnapshot/stateful/DBClusterIdentifier/DBCluster-not-found"],
            43: [
                "CreateDBClusterSnapshot/stateful/DBClusterSnapshotIdentifier/DBClusterSnapshot-already-exists",
                "CreateDBClusterSnapshot/stateful/DBClusterSnapshotIdentifier/DBClusterSnapshot-already-exists-other-case",
            ],
            44: [
                "CreateDBClusterSnapshot/invalid/DBClusterSnapshotIdentifier/bad-character",
                "CreateDBClusterSnapshot/invalid/DBClusterSnapshotIdentifier/too-long",
            ],
            45: ["CreateDBClusterSnapshot/stateful/DBClusterIdentifier/in-state-stopped"],
            47: ["DeleteDBClusterSnapshot/stateful/DBClusterSnapshotIdentifier/DBClusterSnapshot-not-found"],
            49: ["DescribeDBClusterSnapshots/invalid/rules/exclusive/together"],
            50: ["DescribeDBClusterSnapshots/stateful/DBClusterSnapshotIdentifier/DBClusterSnapshot-not-found"],
            51: ["DescribeDBClusterSnapshots/invalid/SnapshotType/unknown-value"],
            52: ["CopyDBClusterSnapshot/stateful/SourceDBClusterSnapshotIdentifier/DBClusterSnapshot-not-found"],
            53: [
                "CopyDBClusterSnapshot/stateful/TargetDBClusterSnapshotIdentifier/DBClusterSnapshot-already-exists",
                "CopyDBClusterSnapshot/stateful/TargetDBClusterSnapshotIdentifier/DBClusterSnapshot-already-exists-other-case",
            ],
            56: [
                "DescribeDBClusterSnapshotAttributes/stateful/DBClusterSnapshotIdentifier/DBClusterSnapshot-not-found"
            ],
            57: ["ModifyDBClusterSnapshotAttribute/invalid/AttributeName/unknown-value"],
            61: ["ModifyDBClusterSnapshotAttribute/stateful/DBClusterSnapshotIdentifier/DBClusterSnapshot-not-found"],
        ],
        notExercised: [
            10: "the family of a DB parameter group needs parameter groups, which the spec holds no lifecycle for yet",
            15:
                "a non-zero MonitoringInterval needs an IAM role ARN the suite cannot create; the spec's rules cannot say 'a non-zero value requires'",
            17: "a 17th instance needs 16 instances made first; the spec holds no quota item (the emulator refuses it)",
            18:
                "the Region's 40-instance quota needs 40 instances made first; the spec holds no quota item, and the emulator, serving concurrent cases, does not enforce it",
            22: "FinalDBSnapshotIdentifier is refused whatever SkipFinalSnapshot says (row 21's unsupported item)",
            23:
                "creating and modifying are transient: no set-up can hold an instance in them (zero delay settles at the next request)",
            25: "global databases are not in the spec",
            29: "101 filter values: the spec holds no count limit on a filter's values (the lead's filter work)",
            34:
                "the spec's instance-class preconditions name the cluster by a request parameter; ModifyDBInstance names none",
            38: "whether an instance is MultiAZ is state the spec's rules (request-only) cannot read",
            46:
                "the 101st manual snapshot needs 100 made first; the spec holds no quota item, and the emulator, serving concurrent cases, does not enforce it",
            48: "creating is transient: no set-up can hold a snapshot in it (zero delay settles at the next request)",
            54: "creating and copying are transient: no set-up can hold a snapshot in them",
            55: "KmsKeyId needs a KMS key the suite cannot create",
            58: "21 accounts: the spec holds no count limit on a list (the emulator refuses it)",
            59: "an encrypted snapshot needs a KMS-encrypted cluster the suite cannot create (the emulator refuses it)",
            60: "automated snapshots cannot be made by a case",
        ])
}
