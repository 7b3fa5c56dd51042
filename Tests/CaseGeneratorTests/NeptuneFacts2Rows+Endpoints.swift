/// NEPTUNE-FACTS-2 §6 rows 140-151 and 169-173: the custom cluster endpoint and maintenance operations (row 174, any
/// operation's unknown action, is the protocol family's).
extension NeptuneFacts2Rows {
    static let endpoints = Facts2Family(
        exercisedBy: [
            140: ["CreateDBClusterEndpoint/invalid/EndpointType/reserved-WRITER"],
            141: ["CreateDBClusterEndpoint/invalid/EndpointType/unknown-value"],
            142: [
                "CreateDBClusterEndpoint/stateful/DBClusterEndpointIdentifier/DBClusterEndpoint-already-exists",
                "CreateDBClusterEndpoint/stateful/DBClusterEndpointIdentifier/DBClusterEndpoint-already-exists-other-case",
            ],
            143: ["CreateDBClusterEndpoint/stateful/DBClusterIdentifier/DBCluster-not-found"],
            144: ["CreateDBClusterEndpoint/stateful/StaticMembers/DBInstance-not-found"],
            145: ["CreateDBClusterEndpoint/invalid/rules/exclusive/together"],
            147: ["DeleteDBClusterEndpoint/stateful/DBClusterEndpointIdentifier/DBClusterEndpoint-not-found"],
            148: ["ModifyDBClusterEndpoint/stateful/DBClusterEndpointIdentifier/DBClusterEndpoint-not-found"],
            150: ["DescribeDBClusterEndpoints/stateful/DBClusterIdentifier/DBCluster-not-found"],
            169: [
                "ApplyPendingMaintenanceAction/stateful/ResourceIdentifier/DBCluster-not-found",
                "ApplyPendingMaintenanceAction/stateful/ResourceIdentifier/DBInstance-not-found",
            ],
            170: ["ApplyPendingMaintenanceAction/invalid/OptInType/unknown-value"],
            171: ["ApplyPendingMaintenanceAction/invalid/ApplyAction/unknown-value"],
            172: [
                "DescribePendingMaintenanceActions/stateful/ResourceIdentifier/DBCluster-not-found",
                "DescribePendingMaintenanceActions/stateful/ResourceIdentifier/DBInstance-not-found",
            ],
        ],
        notExercised: [
            146:
                "a quota: no spec item holds how many custom endpoints a cluster takes (no Neptune source gives the number; the emulator refuses a sixth, Aurora's figure, with HTTP 403)",
            149:
                "the endpoint's state: set-up waits for a new endpoint to be available and no action of resources.yaml leaves one creating, so no case can name one in that state (the emulator refuses it)",
            173:
                "a filter value's form: the generator makes no case for a constraint on the members of a list inside a list of structures (Filters.Filter.N.Values.Value.M), so the spec holds none; the emulator refuses a value that is neither an identifier nor an ARN with InvalidParameterValue",
            151:
                "a filter's values: which values a filter takes depends on its Name, which a member constraint of the Filter shape cannot say (the emulator refuses primary with InvalidParameterValue)",
        ])
}
