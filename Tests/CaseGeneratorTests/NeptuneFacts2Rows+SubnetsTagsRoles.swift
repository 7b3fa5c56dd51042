/// NEPTUNE-FACTS-2 §6 rows 100-120: DB subnet groups, tags and IAM roles.
extension NeptuneFacts2Rows {
    static let tagStore = Facts2Family(
        exercisedBy: [
            100: ["CreateDBSubnetGroup/invalid/DBSubnetGroupName/reserved-default"],
            101: [
                "CreateDBSubnetGroup/stateful/DBSubnetGroupName/DBSubnetGroup-already-exists",
                "CreateDBSubnetGroup/stateful/DBSubnetGroupName/DBSubnetGroup-already-exists-other-case",
            ],
            102: [
                "CreateDBSubnetGroup/stateful/SubnetIds/one-zone", "ModifyDBSubnetGroup/stateful/SubnetIds/one-zone",
            ],
            103: ["CreateDBSubnetGroup/stateful/SubnetIds/Subnet-not-found"],
            105: ["DeleteDBSubnetGroup/stateful/DBSubnetGroupName/in-use"],
            106: ["DeleteDBSubnetGroup/stateful/DBSubnetGroupName/DBSubnetGroup-not-found"],
            107: ["ModifyDBSubnetGroup/invalid/DBSubnetGroupName/reserved-default"],
            108: ["DescribeDBSubnetGroups/stateful/DBSubnetGroupName/DBSubnetGroup-not-found"],
            109: ["AddTagsToResource/stateful/ResourceName/slash-form-arn"],
            110: ["AddTagsToResource/stateful/ResourceName/DBCluster-not-found"],
            111: ["AddTagsToResource/stateful/ResourceName/DBInstance-not-found"],
            112: ["AddTagsToResource/invalid/Tags.Key/prefix-rds", "AddTagsToResource/invalid/Tags.Key/too-long"],
            115: ["RemoveTagsFromResource/invalid/TagKeys/missing"],
            116: ["AddRoleToDBCluster/stateful/RoleArn/already-associated"],
            118: ["AddRoleToDBCluster/stateful/DBClusterIdentifier/DBCluster-not-found"],
            119: ["AddRoleToDBCluster/stateful/DBClusterIdentifier/in-state-stopped"],
            120: ["RemoveRoleFromDBCluster/stateful/RoleArn/not-associated"],
        ],
        notExercised: [
            104: """
            21 distinct subnets: the spec holds documented example subnet ids, not a way to make 21 of them (no \
            list-length constraint); the reference server refuses them (DBSubnetQuotaExceededFault)
            """,
            113: """
            a resource past 50 tags: the spec has no quota item that set-up could fill (50 tags first); the \
            reference server refuses the 51st (InvalidParameterValue, inferred)
            """,
            114: """
            a cluster-endpoint ARN of the endpoint's own account: ARNs come from describe answers (run-time \
            values) and the spec has no cluster-endpoint kind yet; the reference server refuses ARN types \
            resources.yaml does not list (InvalidParameterValue)
            """,
            117: """
            a 6th role: the spec has no quota item, and set-up would need five distinct real role ARNs; the \
            reference server refuses it (DBClusterRoleQuotaExceeded)
            """,
        ])
}
