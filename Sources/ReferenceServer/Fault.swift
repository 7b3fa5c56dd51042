import ConformanceSpec

/// A deliberate non-conformance the reference server can be started with, to prove the suite detects it.
/// The raw values are the names the CLI (`--fault`, `embedded:FAULT`), `serve --help` and reports use;
/// each case maps to its decorator, one small type in `Faults/` that hooks the emulator.
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
    case deleteSnapshotsWithCluster = "delete-snapshots-with-cluster"
    case acceptAnyRestoreTime = "accept-any-restore-time"
    case renameKeepsOldName = "rename-keeps-old-name"
    case dropServerlessConfiguration = "drop-serverless-configuration"
    case ignoreModifiedScaling = "ignore-modified-scaling"
    case html500OnMissingParameter = "html-500-on-missing-parameter"
    case allocatedStorageZero = "allocated-storage-zero"
    case acceptLogTypeBothWays = "accept-log-type-both-ways"
    case ignoreMaxRecords = "ignore-max-records"
    case neverSendMarker = "never-send-marker"
    case repeatAcrossPages = "repeat-across-pages"
    case ignoreFilters = "ignore-filters"
    case acceptUnknownEngineVersion = "accept-unknown-engine-version"
    case acceptOneZoneSubnetGroup = "accept-one-zone-subnet-group"
    case addRoleTwice = "add-role-twice"
    case changeDefaultParameterGroups = "change-default-parameter-groups"
    case acceptImmediateStaticParameters = "accept-immediate-static-parameters"
    case ignoreRegion = "ignore-region"
    case instanceInMissingCluster = "instance-in-missing-cluster"
    case percentProgressAsText = "percent-progress-as-text"
    case endpointNotFound404 = "endpoint-not-found-404"
    case keepDeletedStaticMember = "keep-deleted-static-member"
    case subscriptionIgnoresSourceType = "subscription-ignores-source-type"
    case noEvents = "no-events"
    case acceptNonMemberTarget = "accept-non-member-target"
    case forgetTags = "forget-tags"
    case keepRemovedTags = "keep-removed-tags"
    case instanceHardCodedEngineVersion = "instance-hard-coded-engine-version"
    case snapshotHardCodedEngineVersion = "snapshot-hard-coded-engine-version"
    case restoreHardCodedEngineVersion = "restore-hard-coded-engine-version"
    case parameterSourceNeverUser = "parameter-source-never-user"
    case subnetGroupStatusLowercase = "subnet-group-status-lowercase"
    case createStatusCapitalised = "create-status-capitalised"
    case instanceWithoutEngineVersion = "instance-without-engine-version"
    case clusterArnOfAnotherService = "cluster-arn-of-another-service"
    case snapshotArnOfInstanceSnapshot = "snapshot-arn-of-instance-snapshot"
    case readerEndpointInAnotherRegion = "reader-endpoint-in-another-region"
    case instanceStatusCapitalised = "instance-status-capitalised"
    case applyTypeCapitalised = "apply-type-capitalised"
    case endpointTypeLowercase = "endpoint-type-lowercase"
    case globalClusterArnWithRegion = "global-cluster-arn-with-region"
    case subscriptionWithoutCustomerId = "subscription-without-customer-id"
    case eventSourceTypeShortened = "event-source-type-shortened"
    case globalClusterWithoutMembers = "global-cluster-without-members"

    /// The decorator that makes the emulator depart from the spec this way.
    var decorator: any FaultDecorator {
        switch self {
        case .acceptNonHalfStepCapacity: AcceptNonHalfStepCapacity()
        case .acceptInvertedCapacity: AcceptInvertedCapacity()
        case .deleteProtectedCluster: DeleteProtectedCluster()
        case .acceptOverlappingWindows: AcceptOverlappingWindows()
        case .acceptShortWindows: AcceptShortWindows()
        case .acceptInvalidIdentifiers: AcceptInvalidIdentifiers()
        case .acceptOutOfRange: AcceptOutOfRange()
        case .acceptUnsupportedParameters: AcceptUnsupportedParameters()
        case .keepIdentifierCase: KeepIdentifierCase()
        case .wrongErrorCode: WrongErrorCode()
        case .wrongHTTPStatus: WrongHTTPStatus()
        case .receiverForSenderFaults: ReceiverForSenderFaults()
        case .missingResponseMember: MissingResponseMember()
        case .wrongNamespace: WrongNamespace()
        case .wrongElementType: WrongElementType()
        case .missingRequestId: MissingRequestId()
        case .stopStoppedCluster: StopStoppedCluster()
        case .startAvailableCluster: StartAvailableCluster()
        case .acceptDuplicateCluster: AcceptDuplicateCluster()
        case .failoverWithoutReplica: FailoverWithoutReplica()
        case .failoverKeepsWriter: FailoverKeepsWriter()
        case .failoverToWriter: FailoverToWriter()
        case .deleteClusterWithInstances: DeleteClusterWithInstances()
        case .deleteSnapshotsWithCluster: DeleteSnapshotsWithCluster()
        case .acceptAnyRestoreTime: AcceptAnyRestoreTime()
        case .renameKeepsOldName: RenameKeepsOldName()
        case .dropServerlessConfiguration: DropServerlessConfiguration()
        case .ignoreModifiedScaling: IgnoreModifiedScaling()
        case .html500OnMissingParameter: HTML500OnMissingParameter()
        case .allocatedStorageZero: AllocatedStorageZero()
        case .acceptLogTypeBothWays: AcceptLogTypeBothWays()
        case .ignoreMaxRecords: IgnoreMaxRecords()
        case .neverSendMarker: NeverSendMarker()
        case .repeatAcrossPages: RepeatAcrossPages()
        case .ignoreFilters: IgnoreFilters()
        case .acceptUnknownEngineVersion: AcceptUnknownEngineVersion()
        case .acceptOneZoneSubnetGroup: AcceptOneZoneSubnetGroup()
        case .addRoleTwice: AddRoleTwice()
        case .changeDefaultParameterGroups: ChangeDefaultParameterGroups()
        case .acceptImmediateStaticParameters: AcceptImmediateStaticParameters()
        case .ignoreRegion: IgnoreRegion()
        case .instanceInMissingCluster: InstanceInMissingCluster()
        case .percentProgressAsText: PercentProgressAsText()
        case .endpointNotFound404: EndpointNotFound404()
        case .keepDeletedStaticMember: KeepDeletedStaticMember()
        case .subscriptionIgnoresSourceType: SubscriptionIgnoresSourceType()
        case .noEvents: NoEvents()
        case .acceptNonMemberTarget: AcceptNonMemberTarget()
        case .forgetTags: ForgetTags()
        case .keepRemovedTags: KeepRemovedTags()
        case .instanceHardCodedEngineVersion: HardCodedEngineVersion(kind: .instance)
        case .snapshotHardCodedEngineVersion: HardCodedEngineVersion(kind: .snapshot)
        case .restoreHardCodedEngineVersion: HardCodedEngineVersion(kind: .restore)
        case .parameterSourceNeverUser: ParameterSourceNeverUser()
        case .subnetGroupStatusLowercase: SubnetGroupStatusLowercase()
        case .createStatusCapitalised: CreateStatusCapitalised()
        case .instanceWithoutEngineVersion: InstanceWithoutEngineVersion()
        case .clusterArnOfAnotherService: ClusterArnOfAnotherService()
        case .snapshotArnOfInstanceSnapshot: SnapshotArnOfInstanceSnapshot()
        case .readerEndpointInAnotherRegion: ReaderEndpointInAnotherRegion()
        case .instanceStatusCapitalised: InstanceStatusCapitalised()
        case .applyTypeCapitalised: ApplyTypeCapitalised()
        case .endpointTypeLowercase: EndpointTypeLowercase()
        case .globalClusterArnWithRegion: GlobalClusterArnWithRegion()
        case .subscriptionWithoutCustomerId: SubscriptionWithoutCustomerId()
        case .eventSourceTypeShortened: EventSourceTypeShortened()
        case .globalClusterWithoutMembers: GlobalClusterWithoutMembers()
        }
    }

    /// The decorators of `faults`, in `allCases` order (the order the emulator asks them at each hook).
    static func decorators(of faults: Set<Fault>) -> [any FaultDecorator] {
        allCases.filter(faults.contains).map(\.decorator)
    }

    /// What the fault does, for `serve --help` and reports.
    public var summary: String { decorator.summary }

    /// The spec items the fault breaks, with the ids the cases' `covers` and the coverage report use (see
    /// `FaultDecorator` for the scheme, including the ids of answer shapes, errors and the envelope).
    public func brokenItems(in spec: ServiceSpec) -> [String] { decorator.brokenItems(in: spec) }
}
