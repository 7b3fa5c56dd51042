/// A deliberate non-conformance the reference server can be started with, to prove the suite detects it.
public enum Fault: String, Sendable, CaseIterable, Codable {
    case acceptNonHalfStepCapacity = "accept-non-half-step-capacity"
    case acceptInvertedCapacity = "accept-inverted-capacity"
    case deleteProtectedCluster = "delete-protected-cluster"
    case acceptOverlappingWindows = "accept-overlapping-windows"
    case acceptShortWindows = "accept-short-windows"
    case acceptInvalidIdentifiers = "accept-invalid-identifiers"
    case acceptOutOfRange = "accept-out-of-range"
    case acceptUnsupportedParameters = "accept-unsupported-parameters"
    case keepIdentifierCase = "keep-identifier-case"
    case wrongErrorCode = "wrong-error-code"
    case wrongHTTPStatus = "wrong-http-status"
    case receiverForSenderFaults = "receiver-for-sender-faults"
    case missingResponseMember = "missing-response-member"
    case wrongNamespace = "wrong-namespace"
    case wrongElementType = "wrong-element-type"
    case missingRequestId = "missing-request-id"
    case stopStoppedCluster = "stop-stopped-cluster"
    case startAvailableCluster = "start-available-cluster"
    case acceptDuplicateCluster = "accept-duplicate-cluster"
    case failoverWithoutReplica = "failover-without-replica"
    case failoverKeepsWriter = "failover-keeps-writer"
    case failoverToWriter = "failover-to-writer"
    case deleteClusterWithInstances = "delete-cluster-with-instances"
    case acceptAnyRestoreTime = "accept-any-restore-time"
    case renameKeepsOldName = "rename-keeps-old-name"
    case dropServerlessConfiguration = "drop-serverless-configuration"
    case ignoreModifiedScaling = "ignore-modified-scaling"
    case html500OnMissingParameter = "html-500-on-missing-parameter"

    /// What the fault does, for `serve --help` and reports.
    public var summary: String {
        switch self {
        case .acceptNonHalfStepCapacity: "accepts NCU capacities that are not multiples of 0.5"
        case .acceptInvertedCapacity: "accepts MinCapacity above MaxCapacity"
        case .deleteProtectedCluster: "deletes clusters that have deletion protection on"
        case .acceptOverlappingWindows: "accepts backup and maintenance windows that overlap"
        case .acceptShortWindows: "accepts windows shorter than 30 minutes"
        case .acceptInvalidIdentifiers: "accepts malformed identifiers"
        case .acceptOutOfRange: "accepts numbers outside their documented range"
        case .acceptUnsupportedParameters: "accepts parameters Neptune does not support"
        case .keepIdentifierCase: "stores and answers identifiers without lower-casing them"
        case .wrongErrorCode: "answers DBClusterNotFound instead of DBClusterNotFoundFault"
        case .wrongHTTPStatus: "answers every 404 error with HTTP 400"
        case .receiverForSenderFaults: "marks client errors as Receiver faults"
        case .missingResponseMember: "leaves Status out of DBCluster answers"
        case .wrongNamespace: "answers in the namespace of another API version"
        case .wrongElementType: "writes Port as text that is not an integer"
        case .missingRequestId: "leaves ResponseMetadata/RequestId out of success answers"
        case .stopStoppedCluster: "stops a cluster that is already stopped"
        case .startAvailableCluster: "starts a cluster that is already available"
        case .acceptDuplicateCluster: "creates a cluster whose identifier is taken, replacing it"
        case .failoverWithoutReplica: "fails over a cluster that has no reader"
        case .failoverKeepsWriter: "answers a failover but keeps the old writer"
        case .failoverToWriter: "accepts a failover whose target is the cluster's current writer"
        case .deleteClusterWithInstances: "deletes a cluster that still has DB instances"
        case .acceptAnyRestoreTime: "restores to a time outside the source cluster's restorable window"
        case .renameKeepsOldName: "renames a cluster but still answers to its old identifier"
        case .dropServerlessConfiguration: "leaves ServerlessV2ScalingConfiguration out of DBCluster answers"
        case .ignoreModifiedScaling: "accepts a new scaling range in ModifyDBCluster but keeps the old one"
        case .html500OnMissingParameter: "answers a missing required parameter with an HTML page and HTTP 500"
        }
    }

    /// The operations whose cases must detect the fault.
    public var operations: [String] {
        switch self {
        case .acceptNonHalfStepCapacity, .acceptInvertedCapacity, .dropServerlessConfiguration: ["CreateDBCluster", "ModifyDBCluster"]
        case .deleteProtectedCluster, .deleteClusterWithInstances: ["DeleteDBCluster"]
        case .acceptOverlappingWindows, .acceptShortWindows: ["CreateDBCluster", "ModifyDBCluster"]
        case .acceptInvalidIdentifiers, .keepIdentifierCase, .acceptOutOfRange, .acceptUnsupportedParameters, .wrongNamespace,
            .wrongElementType, .missingRequestId, .missingResponseMember, .acceptDuplicateCluster:
            ["CreateDBCluster"]
        case .wrongErrorCode, .wrongHTTPStatus: ["DescribeDBClusters", "DeleteDBCluster"]
        case .receiverForSenderFaults, .html500OnMissingParameter: ["CreateDBCluster", "DeleteDBCluster"]
        case .stopStoppedCluster: ["StopDBCluster"]
        case .startAvailableCluster: ["StartDBCluster"]
        case .failoverWithoutReplica, .failoverKeepsWriter, .failoverToWriter: ["FailoverDBCluster"]
        case .ignoreModifiedScaling: ["DescribeDBClusters", "ModifyDBCluster"]
        case .acceptAnyRestoreTime: ["RestoreDBClusterToPointInTime"]
        case .renameKeepsOldName: ["DescribeDBClusters"]
        }
    }

    /// The validator check families the fault switches off.
    var skippedChecks: Set<String> {
        switch self {
        case .acceptNonHalfStepCapacity: ["step"]
        case .acceptInvertedCapacity: ["rule:ordered"]
        case .acceptOverlappingWindows: ["rule:disjointWindows"]
        case .acceptShortWindows: ["window-length"]
        case .acceptInvalidIdentifiers: ["identifier"]
        case .acceptOutOfRange: ["range"]
        case .acceptUnsupportedParameters: ["unsupported"]
        default: []
        }
    }
}
