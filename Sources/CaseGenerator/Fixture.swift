import ConformanceSpec
import QueryProtocol

/// The resources a case needs before its request (clusters, snapshots, instances) and the steps that
/// create them and, afterwards, delete them.
struct Fixture {
    let values: ValueFactory
    var setup: [Step] = []
    /// Names the request itself creates (parameter name, value), deleted in tear-down.
    var created: [(String, String)] = []
    private(set) var clusters: [String] = []
    private(set) var snapshots: [String] = []
    private(set) var instances: [String] = []
    /// The instances created as readers: every instance after a cluster's first, which is its writer.
    private(set) var readers: [String] = []
    /// The resource each parameter was given (parameter name → identifier), for parameters that refer to it.
    var named: [String: String] = [:]

    init(values: ValueFactory) { self.values = values }

    /// Creates a cluster (reaching the state the operation needs) and returns its identifier.
    mutating func cluster(for operation: OperationSpec? = nil, counter: inout Int, protected: Bool = false) -> String {
        counter += 1
        let id = values.identifier(counter)
        var parameters = [Parameter("DBClusterIdentifier", .scalar(id)), Parameter("Engine", .scalar("neptune"))]
        if protected { parameters.append(Parameter("DeletionProtection", .scalar("true"))) }
        setup.append(Step(Request(operation: "CreateDBCluster", parameters: parameters), waitFor: "available"))
        clusters.append(id)
        guard let operation else { return id }
        for condition in operation.preconditions {
            switch condition.kind {
            case .state(let allowed) where !allowed.contains("available") && allowed.contains("stopped"):
                stop(id)
            case .hasReader, .readerOf:
                // A writer and a reader (once, whichever precondition asks first).
                guard readers.isEmpty else { break }
                addInstance(to: id, counter: &counter)
                addInstance(to: id, counter: &counter)
                readers.append(instances[instances.count - 1])
            case .isReadReplica:
                counter += 1
                let replica = values.identifier(counter)
                setup.append(
                    Step(
                        Request(operation: "CreateDBCluster", parameters: [
                            Parameter("DBClusterIdentifier", .scalar(replica)), Parameter("Engine", .scalar("neptune")),
                            Parameter("ReplicationSourceIdentifier", .scalar(id)),
                        ]), waitFor: "available"))
                clusters.append(replica)
                return replica
            default: break
            }
        }
        return id
    }

    mutating func stop(_ id: String) {
        setup.append(Step(Request(operation: "StopDBCluster", parameters: [Parameter("DBClusterIdentifier", .scalar(id))]), waitFor: "stopped"))
    }

    mutating func addInstance(to cluster: String, counter: inout Int) {
        counter += 1
        let id = values.identifier(counter, tag: "i")
        setup.append(
            Step(
                Request(operation: "CreateDBInstance", parameters: [
                    Parameter("DBInstanceIdentifier", .scalar(id)), Parameter("DBClusterIdentifier", .scalar(cluster)),
                    Parameter("DBInstanceClass", .scalar("db.r5.large")), Parameter("Engine", .scalar("neptune")),
                ]), waitFor: "available"))
        instances.append(id)
    }

    /// Creates a cluster and a snapshot of it, and returns the snapshot's identifier.
    mutating func snapshot(counter: inout Int) -> String {
        let source = cluster(counter: &counter)
        counter += 1
        let id = values.identifier(counter, tag: "s")
        setup.append(
            Step(Request(operation: "CreateDBClusterSnapshot", parameters: [
                Parameter("DBClusterSnapshotIdentifier", .scalar(id)), Parameter("DBClusterIdentifier", .scalar(source)),
            ])))
        snapshots.append(id)
        return id
    }

    /// Deletes everything the set-up and the request created; each step may fail (already gone).
    func teardown(operation: OperationSpec, request: [Parameter]) -> [Step] {
        var requests = instances.flatMap(CleanupRequests.deleteInstance)
        var clusterNames = clusters
        var snapshotNames = snapshots
        for (parameter, value) in created {
            if parameter.contains("Snapshot") { snapshotNames.append(value) } else if !clusterNames.contains(value) { clusterNames.append(value) }
        }
        requests += clusterNames.reversed().flatMap(CleanupRequests.deleteCluster)
        requests += snapshotNames.flatMap(CleanupRequests.deleteSnapshot)
        let steps = requests.map { Step($0, mayFail: true) }
        return steps
    }
}
