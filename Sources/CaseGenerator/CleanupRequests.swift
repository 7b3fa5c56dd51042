import QueryProtocol

/// The requests that delete what a case created; tear-down steps and the runner's final sweep both use them.
public enum CleanupRequests {
    public static func deleteInstance(_ id: String) -> [Request] {
        [Request(operation: "DeleteDBInstance", parameters: [Parameter("DBInstanceIdentifier", .scalar(id)), Parameter("SkipFinalSnapshot", .scalar("true"))])]
    }

    /// Switch deletion protection off, then delete without a final snapshot.
    public static func deleteCluster(_ id: String) -> [Request] {
        [
            Request(operation: "ModifyDBCluster", parameters: [
                Parameter("DBClusterIdentifier", .scalar(id)), Parameter("DeletionProtection", .scalar("false")), Parameter("ApplyImmediately", .scalar("true")),
            ]),
            Request(operation: "DeleteDBCluster", parameters: [Parameter("DBClusterIdentifier", .scalar(id)), Parameter("SkipFinalSnapshot", .scalar("true"))]),
        ]
    }

    public static func deleteSnapshot(_ id: String) -> [Request] {
        [Request(operation: "DeleteDBClusterSnapshot", parameters: [Parameter("DBClusterSnapshotIdentifier", .scalar(id))])]
    }
}
