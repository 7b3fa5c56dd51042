import ConformanceSpec
import Foundation
import QueryProtocol

/// A cluster snapshot's `restore` attribute (NEPTUNE-FACTS-2 §2.2; the snapshots themselves are the resource engine's,
/// `KindBehaviour+ClusterSnapshots`) and the orderable-options catalogue answer. The spec's evaluator has already
/// judged the request; these change the store and answer.
extension NeptuneEmulator {
    /// Accounts a manual snapshot is shared with (UG backup-restore-share-snapshot, NEPTUNE-FACTS-2 §3.6).
    static let sharedAccountQuota = 20

    /// The stored identifier of the snapshot a request names (by identifier or ARN), when one is stored.
    func storedSnapshot(_ request: Request) -> String? {
        let id = storedKey(.dbClusterSnapshot, text("DBClusterSnapshotIdentifier", request) ?? "")
        return specResources.record(.dbClusterSnapshot, id) == nil ? nil : id
    }

    func snapshotAttributesXML(_ id: String) -> String {
        let values = (snapshotOrigins[id]?.restoreAccess ?? []).map {
            "<AttributeValue>\(AnswerRenderer.escape($0))</AttributeValue>"
        }
        return "<DBClusterSnapshotAttributesResult><DBClusterSnapshotIdentifier>\(AnswerRenderer.escape(id))"
            + "</DBClusterSnapshotIdentifier><DBClusterSnapshotAttributes><DBClusterSnapshotAttribute>"
            + "<AttributeName>restore</AttributeName>"
            + (values.isEmpty ? "<AttributeValues/>" : "<AttributeValues>\(values.joined())</AttributeValues>")
            + "</DBClusterSnapshotAttribute></DBClusterSnapshotAttributes></DBClusterSnapshotAttributesResult>"
    }

    func describeSnapshotAttributes(_ operation: OperationSpec, _ request: Request) -> EmulatorAnswer {
        guard let id = storedSnapshot(request) else {
            return renderer.error("DBClusterSnapshotNotFoundFault", "DBClusterSnapshot not found.")
        }
        return renderer.success(action: operation.name, result: snapshotAttributesXML(id))
    }

    func modifySnapshotAttribute(_ operation: OperationSpec, _ request: Request) -> EmulatorAnswer {
        guard let id = storedSnapshot(request), var origin = snapshotOrigins[id] else {
            return renderer.error("DBClusterSnapshotNotFoundFault", "DBClusterSnapshot not found.")
        }
        let adding = Self.strings(request.value(at: "ValuesToAdd"))
        let removing = Self.strings(request.value(at: "ValuesToRemove"))
        // [model] "all" makes the snapshot public, which an encrypted snapshot may not be.
        if adding.contains("all"), origin.clusterMembers["StorageEncrypted"] == .scalar("true") {
            return renderer.error("InvalidParameterValue", "An encrypted snapshot cannot be shared publicly.")
        }
        var access = origin.restoreAccess.filter { !removing.contains($0) }
        access += adding.filter { !access.contains($0) }
        guard access.filter({ $0 != "all" }).count <= Self.sharedAccountQuota else {
            return renderer.error(
                "SharedSnapshotQuotaExceeded",
                "A snapshot can be shared with at most \(Self.sharedAccountQuota) accounts.")
        }
        origin.restoreAccess = access
        snapshotOrigins[id] = origin
        return renderer.success(action: operation.name, result: snapshotAttributesXML(id))
    }

    /// The instance-class catalogue as orderable options: one per class and engine version offering it, narrowed
    /// by the request (an unknown engine, version or class lists nothing; inferred, the model lists no error).
    func describeOrderableOptions(_ operation: OperationSpec, _ request: Request) -> EmulatorAnswer {
        let catalogue = spec.instanceClasses
        let engine = text("Engine", request)
        let version = text("EngineVersion", request)
        let wanted = text("DBInstanceClass", request)
        let license = text("LicenseModel", request)
        let vpc = text("Vpc", request)?.lowercased()
        // One option per class and engine version, keyed as the spec's paging names it; only the page's options are
        // written out (writing all of them was 5 % of a whole run's CPU).
        var options: [(key: String, engineVersion: String, instanceClass: String, global: Bool)] = []
        if engine == "neptune", license == nil || license == "amazon-license", vpc != "false" {
            for engineVersion in catalogue.engineVersions where version == nil || version == engineVersion {
                let globalVersion = supportsGlobalDatabases(engineVersion)
                for entry in catalogue.entries where wanted == nil || wanted == entry.instanceClass {
                    guard entry.offered(on: engineVersion) else { continue }
                    options.append(
                        (
                            "\(engineVersion)+\(entry.instanceClass)+aurora", engineVersion, entry.instanceClass,
                            entry.globalDatabases && globalVersion
                        ))
                }
            }
        }
        let zones = ["a", "b", "c"].map { "<AvailabilityZone><Name>\(region)\($0)</Name></AvailabilityZone>" }.joined()
        func xml(_ option: (key: String, engineVersion: String, instanceClass: String, global: Bool)) -> String {
            "<OrderableDBInstanceOption><Engine>neptune</Engine><EngineVersion>\(option.engineVersion)"
                + "</EngineVersion><DBInstanceClass>\(option.instanceClass)</DBInstanceClass>"
                + "<LicenseModel>amazon-license</LicenseModel><AvailabilityZones>\(zones)</AvailabilityZones>"
                + "<MultiAZCapable>true</MultiAZCapable><ReadReplicaCapable>false</ReadReplicaCapable>"
                + "<Vpc>true</Vpc><SupportsStorageEncryption>true</SupportsStorageEncryption>"
                + "<StorageType>aurora</StorageType><SupportsIops>false</SupportsIops>"
                + "<SupportsEnhancedMonitoring>false</SupportsEnhancedMonitoring>"
                + "<SupportsIAMDatabaseAuthentication>true</SupportsIAMDatabaseAuthentication>"
                + "<SupportsPerformanceInsights>false</SupportsPerformanceInsights>"
                + "<SupportsGlobalDatabases>\(option.global)</SupportsGlobalDatabases></OrderableDBInstanceOption>"
        }
        // About a thousand options: pages in key order (EngineVersion+DBInstanceClass+StorageType), as the spec's
        // paging says.
        return pagedAnswer(page(options, key: \.key, of: operation, request), of: operation) { xml($0) }
    }
}
