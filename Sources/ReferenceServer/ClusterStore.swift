/// A region's clusters by stored key (a `RecordStore`: describe order, pending transitions) and what answers and
/// checks would otherwise find by walking every cluster: the read replicas of each cluster, the ARNs of the clusters
/// not being deleted, and the clusters listing each instance. Every change goes through the subscript.
struct ClusterStore: Sendable, Sequence {
    private(set) var records = RecordStore<ClusterRecord>()
    /// Replication source (stored identifier) -> the keys of the clusters replicating it.
    private var replicaKeys: [String: Set<String>] = [:]
    /// Lower-cased `DBClusterArn` of each cluster not being deleted -> how many keys hold one with it.
    private var liveARNs: [String: Int] = [:]
    /// Instance identifier -> the keys of the clusters whose member list names it.
    private var memberKeys: [String: Set<String>] = [:]

    subscript(key: String) -> ClusterRecord? {
        get { records[key] }
        set {
            let old = records.replace(key, with: newValue)
            if old?.replicationSource != newValue?.replicationSource {
                if let source = old?.replicationSource { Self.remove(key, at: source, in: &replicaKeys) }
                if let source = newValue?.replicationSource { replicaKeys[source, default: []].insert(key) }
            }
            let (oldARN, newARN) = (old.flatMap(Self.liveARN), newValue.flatMap(Self.liveARN))
            if oldARN != newARN {
                if let oldARN {
                    liveARNs[oldARN, default: 0] -= 1
                    if liveARNs[oldARN] == 0 { liveARNs[oldARN] = nil }
                }
                if let newARN { liveARNs[newARN, default: 0] += 1 }
            }
            let (oldMembers, newMembers) = (old?.instances ?? [], newValue?.instances ?? [])
            if oldMembers != newMembers {
                for id in oldMembers where !newMembers.contains(id) { Self.remove(key, at: id, in: &memberKeys) }
                for id in newMembers { memberKeys[id, default: []].insert(key) }
            }
        }
    }

    var byKey: [String: ClusterRecord] { records.byKey }
    var values: Dictionary<String, ClusterRecord>.Values { records.values }
    var keys: Dictionary<String, ClusterRecord>.Keys { records.keys }
    var count: Int { records.count }
    var pendingKeys: Set<String> { records.pendingKeys }

    func makeIterator() -> Dictionary<String, ClusterRecord>.Iterator { records.makeIterator() }

    /// The clusters replicating the cluster stored as `source`, in creation order.
    func replicas(of source: String) -> [ClusterRecord] {
        (replicaKeys[source] ?? []).compactMap { records[$0] }.sorted { $0.sequence < $1.sequence }
    }

    /// The keys of the clusters replicating the cluster stored as `source`.
    func keysReplicating(_ source: String) -> [String] { Array(replicaKeys[source] ?? []) }

    /// The keys of the clusters whose member list names instance `id`.
    func keysListing(_ id: String) -> [String] { Array(memberKeys[id] ?? []) }

    /// True when a cluster not being deleted has this ARN (lower-cased).
    func hasLiveCluster(arn lowercased: String) -> Bool { liveARNs[lowercased] != nil }

    /// The lower-cased ARN a cluster counts under for cross-region look-ups: none while it is being deleted.
    private static func liveARN(_ record: ClusterRecord) -> String? {
        guard record.status != "deleting", case .scalar(let arn)? = record.attributes["DBClusterArn"] else {
            return nil
        }
        return arn.lowercased()
    }

    private static func remove(_ key: String, at index: String, in map: inout [String: Set<String>]) {
        map[index]?.remove(key)
        if map[index]?.isEmpty == true { map[index] = nil }
    }
}
