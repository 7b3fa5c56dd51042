/// NEPTUNE-FACTS-2 §6 rows 62-99: the DB cluster parameter group and DB parameter group operations.
extension NeptuneFacts2Rows {
    static let parameterGroups = Facts2Family(
        exercisedBy: [
            62: ["CreateDBClusterParameterGroup/invalid/DBParameterGroupFamily/unknown-value"],
            63: [
                "CreateDBClusterParameterGroup/stateful/DBClusterParameterGroupName/DBClusterParameterGroup-already-exists",
                "CreateDBClusterParameterGroup/stateful/DBClusterParameterGroupName/DBClusterParameterGroup-already-exists-other-case",
            ],
            64: ["CreateDBClusterParameterGroup/invalid/Description/missing"],
            65: [
                "CreateDBClusterParameterGroup/invalid/DBClusterParameterGroupName/leading-digit",
                "CreateDBClusterParameterGroup/invalid/DBClusterParameterGroupName/double-hyphen",
            ],
            67: [
                "CopyDBClusterParameterGroup/stateful/SourceDBClusterParameterGroupIdentifier/DBClusterParameterGroup-not-found"
            ],
            68: [
                "CopyDBClusterParameterGroup/stateful/TargetDBClusterParameterGroupIdentifier/DBClusterParameterGroup-already-exists"
            ],
            69: ["CopyDBClusterParameterGroup/invalid/TargetDBClusterParameterGroupIdentifier/empty"],
            70: ["DeleteDBClusterParameterGroup/stateful/DBClusterParameterGroupName/default-DBClusterParameterGroup"],
            71: ["DeleteDBClusterParameterGroup/stateful/DBClusterParameterGroupName/in-use"],
            72: [
                "DeleteDBClusterParameterGroup/stateful/DBClusterParameterGroupName/DBClusterParameterGroup-not-found"
            ],
            73: [
                "DescribeDBClusterParameterGroups/stateful/DBClusterParameterGroupName/DBClusterParameterGroup-not-found"
            ],
            74: ["DescribeDBClusterParameters/invalid/DBClusterParameterGroupName/missing"],
            75: ["DescribeDBClusterParameters/invalid/Source/unknown-value"],
            76: ["ModifyDBClusterParameterGroup/invalid/rules/engineParameterNames/unknown-name"],
            77: [
                "ModifyDBClusterParameterGroup/invalid/rules/engineParameterNames/neptune_dfe_query_engine-of-the-other-level"
            ],
            78: ["ModifyDBClusterParameterGroup/invalid/rules/maxItems/21-members"],
            79: ["ModifyDBClusterParameterGroup/invalid/Parameters/missing"],
            80: ["ModifyDBClusterParameterGroup/invalid/rules/engineApplyMethods/immediate-neptune_enable_audit_log"],
            81: ["ModifyDBClusterParameterGroup/stateful/DBClusterParameterGroupName/default-DBClusterParameterGroup"],
            82: [
                "ModifyDBClusterParameterGroup/invalid/rules/engineParameterValues/neptune_streams_expiry_days-above-maximum",
                "ModifyDBClusterParameterGroup/invalid/rules/engineParameterValues/neptune_streams_expiry_days-below-minimum",
            ],
            83: [
                "ModifyDBClusterParameterGroup/invalid/rules/engineParameterValues/neptune_query_timeout-below-minimum"
            ],
            84: [
                "ModifyDBClusterParameterGroup/invalid/rules/engineParameterValues/neptune_enable_slow_query_log-not-listed"
            ],
            85: ["ModifyDBClusterParameterGroup/invalid/Parameters.ApplyMethod/unknown-value"],
            86: [
                "ModifyDBClusterParameterGroup/stateful/DBClusterParameterGroupName/DBClusterParameterGroup-not-found"
            ],
            87: ["ResetDBClusterParameterGroup/invalid/rules/exclusive/together"],
            88: ["ResetDBClusterParameterGroup/stateful/DBClusterParameterGroupName/DBClusterParameterGroup-not-found"],
            89: ["DescribeEngineDefaultClusterParameters/invalid/DBParameterGroupFamily/unknown-value"],
            90: [
                "CreateDBParameterGroup/stateful/DBParameterGroupName/DBParameterGroup-already-exists",
                "CreateDBParameterGroup/stateful/DBParameterGroupName/DBParameterGroup-already-exists-other-case",
            ],
            91: ["CreateDBParameterGroup/invalid/DBParameterGroupFamily/unknown-value"],
            92: ["DeleteDBParameterGroup/stateful/DBParameterGroupName/default-DBParameterGroup"],
            93: ["DeleteDBParameterGroup/stateful/DBParameterGroupName/in-use"],
            94: ["ModifyDBParameterGroup/invalid/DBParameterGroupName/too-short"],
            95: ["ModifyDBParameterGroup/invalid/rules/engineApplyMethods/immediate-neptune_dfe_query_engine"],
            96: ["ModifyDBParameterGroup/invalid/rules/engineParameterValues/neptune_result_cache-not-listed"],
            97: ["ModifyDBParameterGroup/invalid/rules/engineParameterValues/neptune_dfe_query_engine-not-listed"],
            98: ["ResetDBParameterGroup/invalid/rules/engineApplyMethods/immediate-neptune_dfe_query_engine"],
            99: ["DescribeDBParameters/stateful/DBParameterGroupName/DBParameterGroup-not-found"],
        ],
        notExercised: [
            66:
                "a 51st cluster parameter group needs 50 existing groups in the account: the spec holds no quota (50 per"
                + " Region, RDS CHAP_Limits), so no case can reach DBParameterGroupQuotaExceeded"
        ])
}
