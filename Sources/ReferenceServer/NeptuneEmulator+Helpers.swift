import ConformanceSpec
import Foundation
import QueryProtocol

/// The operations outside the ten that scenarios need: DB instances (so failover has a reader) and
/// cluster snapshots (so restores have a source). They validate only what they use.
extension NeptuneEmulator {
    func helper(_ action: String, _ request: Request) -> EmulatorAnswer? {
        switch action {
        case "CreateDBInstance": return createInstance(request)
        case "DeleteDBInstance": return deleteInstance(request)
        case "DescribeDBInstances": return describeInstances(request)
        case "CreateDBClusterSnapshot": return createSnapshot(request)
        case "DeleteDBClusterSnapshot": return deleteSnapshot(request)
        case "DescribeDBClusterSnapshots": return describeSnapshots(request)
        default: return nil
        }
    }

    func required(_ names: [String], _ request: Request) -> EmulatorAnswer? {
        for name in names where text(name, request)?.isEmpty ?? true {
            return renderer.error("MissingParameter", "The request must contain the parameter \(name)")
        }
        return nil
    }

    func createInstance(_ request: Request) -> EmulatorAnswer {
        if let missing = required(["DBInstanceIdentifier", "DBInstanceClass", "Engine"], request) { return missing }
        let id = text("DBInstanceIdentifier", request)!.lowercased()
        guard instances[id] == nil else {
            return renderer.error("DBInstanceAlreadyExists", "DB instance already exists")
        }
        var group: String?
        if let given = text("DBParameterGroupName", request) {
            guard let found = parameterGroups.group(.instance, given, families: spec.engineParameters.families) else {
                return renderer.error("DBParameterGroupNotFound", "DBParameterGroup not found: \(given)")
            }
            group = found.name
        }
        var clusterId = ""
        if let name = text("DBClusterIdentifier", request) {
            guard let record = cluster(named: name) else {
                return renderer.error("DBClusterNotFoundFault", "DBCluster \(name) not found.")
            }
            clusterId = record.id
            clusters[record.id]?.instances.append(id)
        }
        let record = InstanceRecord(
            id: id, cluster: clusterId, instanceClass: text("DBInstanceClass", request)!, status: "creating",
            parameterGroup: group, pending: later("available"))
        instances[id] = record
        return renderer.success(action: "CreateDBInstance", result: instanceXML(record))
    }

    func deleteInstance(_ request: Request) -> EmulatorAnswer {
        if let missing = required(["DBInstanceIdentifier"], request) { return missing }
        let id = text("DBInstanceIdentifier", request)!.lowercased()
        guard var record = instances[id] else {
            return renderer.error("DBInstanceNotFound", "DBInstance \(id) not found.")
        }
        record.status = "deleting"
        record.pending = later(nil)
        instances[id] = record
        return renderer.success(action: "DeleteDBInstance", result: instanceXML(record))
    }

    func describeInstances(_ request: Request) -> EmulatorAnswer {
        var selected = instances.values.sorted { $0.id < $1.id }
        if let id = text("DBInstanceIdentifier", request)?.lowercased() {
            guard let record = instances[id] else {
                return renderer.error("DBInstanceNotFound", "DBInstance \(id) not found.")
            }
            selected = [record]
        }
        let items = selected.map { instanceXML($0) }.joined()
        return renderer.success(
            action: "DescribeDBInstances",
            result: items.isEmpty ? "<DBInstances/>" : "<DBInstances>\(items)</DBInstances>")
    }

    func instanceXML(_ record: InstanceRecord) -> String {
        let escape = AnswerRenderer.escape
        return
            "<DBInstance><DBInstanceIdentifier>\(escape(record.id))</DBInstanceIdentifier><DBInstanceClass>\(escape(record.instanceClass))</DBInstanceClass>"
            + "<Engine>neptune</Engine><DBInstanceStatus>\(record.status)</DBInstanceStatus><DBClusterIdentifier>\(escape(record.cluster))</DBClusterIdentifier>"
            + "<DBInstanceArn>\(escape(canonicalARN(type: "db", id: record.id)))</DBInstanceArn></DBInstance>"
    }

    func createSnapshot(_ request: Request) -> EmulatorAnswer {
        if let missing = required(["DBClusterSnapshotIdentifier", "DBClusterIdentifier"], request) { return missing }
        let id = text("DBClusterSnapshotIdentifier", request)!.lowercased()
        guard snapshots[id] == nil else {
            return renderer.error("DBClusterSnapshotAlreadyExistsFault", "Snapshot \(id) already exists.")
        }
        let name = text("DBClusterIdentifier", request)!
        guard let source = cluster(named: name) else {
            return renderer.error("DBClusterNotFoundFault", "DBCluster \(name) not found.")
        }
        let record = SnapshotRecord(
            id: id, cluster: source.id, attributes: source.attributes, createdAt: Date().timeIntervalSince1970)
        snapshots[id] = record
        return renderer.success(action: "CreateDBClusterSnapshot", result: snapshotXML(record))
    }

    func deleteSnapshot(_ request: Request) -> EmulatorAnswer {
        if let missing = required(["DBClusterSnapshotIdentifier"], request) { return missing }
        let id = text("DBClusterSnapshotIdentifier", request)!.lowercased()
        guard let record = snapshots.removeValue(forKey: id) else {
            return renderer.error("DBClusterSnapshotNotFoundFault", "DBClusterSnapshot \(id) not found.")
        }
        return renderer.success(action: "DeleteDBClusterSnapshot", result: snapshotXML(record))
    }

    func describeSnapshots(_ request: Request) -> EmulatorAnswer {
        var selected = snapshots.values.sorted { $0.id < $1.id }
        if let id = text("DBClusterSnapshotIdentifier", request)?.lowercased() {
            guard let record = snapshots[id] else {
                return renderer.error("DBClusterSnapshotNotFoundFault", "DBClusterSnapshot \(id) not found.")
            }
            selected = [record]
        }
        let items = selected.map { snapshotXML($0) }.joined()
        return renderer.success(
            action: "DescribeDBClusterSnapshots",
            result: items.isEmpty ? "<DBClusterSnapshots/>" : "<DBClusterSnapshots>\(items)</DBClusterSnapshots>")
    }

    func snapshotXML(_ record: SnapshotRecord) -> String {
        let escape = AnswerRenderer.escape
        return "<DBClusterSnapshot><DBClusterSnapshotIdentifier>\(escape(record.id))</DBClusterSnapshotIdentifier>"
            + "<DBClusterIdentifier>\(escape(record.cluster))</DBClusterIdentifier><Engine>neptune</Engine><Status>available</Status>"
            + "<SnapshotCreateTime>\(ISOTimestamp.format(Date(timeIntervalSince1970: record.createdAt)))</SnapshotCreateTime>"
            + "<DBClusterSnapshotArn>\(escape(canonicalARN(type: "cluster-snapshot", id: record.id)))</DBClusterSnapshotArn></DBClusterSnapshot>"
    }
}
