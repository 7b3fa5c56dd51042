import ConformanceSpec
import Foundation

/// Cluster snapshots are served by the resource engine (identifiers or ARNs, `creating` and `copying` transitions,
/// listing by cluster and type, delete); what is theirs alone is here (NEPTUNE-FACTS-2 §2.2, §3.5). A snapshot shows its
/// cluster's members as they were when it was taken (a copy: its source's, with the KMS key the copy names), is
/// `manual`, and shows 100 % progress once available; the cluster's members are kept beside it for restores, with the
/// accounts it is shared with (`restore`). Listing by SnapshotType `shared` lists none (no other account shares one
/// here) and `public` the snapshots shared with `all`.
extension KindBehaviour {
    /// The cluster members a snapshot shows ([model] DBClusterSnapshot, the members it shares with DBCluster).
    static let clusterMembersShown = [
        "AvailabilityZones", "AllocatedStorage", "Port", "ClusterCreateTime", "EngineVersion", "StorageEncrypted",
        "KmsKeyId", "IAMDatabaseAuthenticationEnabled", "StorageType",
    ]

    static let clusterSnapshots = KindBehaviour(
        completing: { emulator, members, request, phase in
            let id = members.text("DBClusterSnapshotIdentifier") ?? ""
            switch phase {
            case .create:
                if let given = emulator.copiedSource(.dbClusterSnapshot, request) {
                    // A copy: its source snapshot (by identifier or ARN), the KMS key it names ([model]).
                    let sourceId = emulator.storedKey(.dbClusterSnapshot, given)
                    guard let source = emulator.specResources.record(.dbClusterSnapshot, sourceId),
                        var origin = emulator.snapshotOrigins[sourceId]
                    else {
                        return Refusal(code: "DBClusterSnapshotNotFoundFault", message: "DBClusterSnapshot not found.")
                    }
                    if let key = emulator.text("KmsKeyId", request) { origin.clusterMembers["KmsKeyId"] = .scalar(key) }
                    // PreSignedUrl (quirk 12) is accepted and ignored.
                    members.merge(
                        snapshotMembers(id, cluster: source.members.text("DBClusterIdentifier") ?? "", origin)
                    ) {
                        $1
                    }
                    members["SourceDBClusterSnapshotArn"] = source.members["DBClusterSnapshotArn"]
                    emulator.snapshotOrigins[id] = SnapshotOrigin(clusterMembers: origin.clusterMembers)
                } else {
                    guard let cluster = emulator.cluster(named: members.text("DBClusterIdentifier") ?? "") else {
                        return Refusal(code: "DBClusterNotFoundFault", message: "DBCluster not found.")
                    }
                    // The Region's 100-manual-snapshot quota (RDS CHAP_Limits) is not enforced: one emulator serves
                    // many concurrent cases, and the spec holds no quota item.
                    let origin = SnapshotOrigin(clusterMembers: cluster.attributes)
                    members.merge(snapshotMembers(id, cluster: cluster.id, origin)) { $1 }
                    emulator.snapshotOrigins[id] = origin
                }
            case .delete:
                emulator.snapshotOrigins[id] = nil
            case .modify:
                break
            }
            return nil
        },
        selecting: [
            "SnapshotType": { emulator, record, type in
                switch type {
                case "shared": false
                case "public": emulator.snapshotOrigins[record.id]?.restoreAccess.contains("all") == true
                default: record.members.text("SnapshotType") == type
                }
            }
        ],
        showing: { emulator, members in
            members["PercentProgress"] = .scalar(members.text("Status") == "available" ? "100" : "0")
        })

    /// A snapshot's members: its identifier, cluster, type and time, and the cluster members it shows.
    static func snapshotMembers(_ id: String, cluster: String, _ origin: SnapshotOrigin) -> [String: ParameterValue] {
        var members: [String: ParameterValue] = [
            "DBClusterSnapshotIdentifier": .scalar(id), "DBClusterIdentifier": .scalar(cluster),
            "SnapshotCreateTime": .scalar(ISOTimestamp.format(Date())), "Engine": .scalar("neptune"),
            "VpcId": .scalar("vpc-0c0nf0rm4nce"), "LicenseModel": .scalar("neptune"), "SnapshotType": .scalar("manual"),
        ]
        for name in clusterMembersShown {
            if let value = origin.clusterMembers[name] { members[name] = value }
        }
        return members
    }

}

/// What a cluster snapshot keeps beside its record: the cluster's members when it was taken (a restore starts from
/// them), and the `restore` attribute's values (account IDs, or `all`).
struct SnapshotOrigin: Sendable, Equatable {
    var clusterMembers: [String: ParameterValue]
    var restoreAccess: [String] = []
}
