/// A condition on the endpoint's state that a request needs, and the error drawn when it does not hold.
public struct Precondition: Sendable, Equatable {
    public var kind: Kind
    /// The request parameter (dotted path) that names the resource.
    public var parameter: String
    public var error: String
    public var inferred: Bool
    /// For `namesResource`: the code of a well-formed ARN that names nothing, when the operation draws one code for
    /// every kind (ResourceNotFoundFault) rather than the kind's own `notFound`.
    public var missing: String?
    /// For `exists`: the kind follows the value of another request parameter (an event subscription's SourceType);
    /// `kind`'s resource is the one valid requests name.
    public var kindFrom: KindSelector?
    /// For `namesResource`: only an ARN of the named kind will do (`only: true`); an ARN of another kind names no
    /// resource of it and draws the named kind's not-found code.
    public var namedKindOnly: Bool

    public init(
        kind: Kind, parameter: String, error: String, inferred: Bool = false, missing: String? = nil,
        kindFrom: KindSelector? = nil, namedKindOnly: Bool = false
    ) {
        self.kind = kind
        self.parameter = parameter
        self.error = error
        self.inferred = inferred
        self.missing = missing
        self.kindFrom = kindFrom
        self.namedKindOnly = namedKindOnly
    }

    /// The resource kind a request names through the value of one of its parameters.
    public struct KindSelector: Sendable, Equatable {
        /// The parameter whose value picks the kind.
        public var parameter: String
        /// Value → kind; a value not listed names a kind the service keeps none of, so nothing exists.
        public var kinds: [String: ResourceKind]

        public init(parameter: String, kinds: [String: ResourceKind]) {
            self.parameter = parameter
            self.kinds = kinds
        }
    }

    public enum Kind: Sendable, Equatable {
        /// The named resource must exist.
        case exists(ResourceKind)
        /// No resource of this kind may have the name yet.
        case absent(ResourceKind)
        /// The resource must be in one of these states (the kind the operation's `exists` precondition on the same
        /// parameter names; a cluster without one).
        case state([String])
        /// The resource's DeletionProtection must be false (the kind as for `state`).
        case notDeletionProtected
        /// The cluster must have at least one reader instance.
        case hasReader
        /// The cluster must be a read replica of another cluster.
        case isReadReplica
        /// The instance the parameter names must be a reader (not the writer) of the cluster that the
        /// `cluster` parameter names.
        case readerOf(cluster: String)
        /// The cluster must have no DB instances left, other than ones being deleted.
        case hasNoInstances
        /// The DB instance class must be one the instance-class catalogue offers on the engine version of the
        /// cluster the `cluster` parameter names.
        case orderable(cluster: String)
        /// A serverless instance class needs a serverless capacity range on the cluster the `cluster` parameter names.
        case serverlessScaling(cluster: String)
        /// The ARN must name a resource of a kind `resources.yaml` gives an `arn` type, in the request's region and
        /// account; `resource` is the kind valid requests name. A malformed ARN or an unknown type draws `error`, a
        /// missing resource its kind's not-found code.
        case namesResource(ResourceKind)
        /// The listed values (subnets) must lie in at least `minimum` distinct availability zones.
        case spansZones(minimum: Int)
        /// The value must be associated with the resource the `with` parameter names (a role with a cluster);
        /// `by` is the operation that associates it, which set-up sends first.
        case associated(with: String, by: String)
        /// The value must not yet be associated with the resource the `with` parameter names.
        case notAssociated(with: String)
        /// No resource of another kind may still use the named one of this kind (a cluster its subnet group).
        case notInUse(ResourceKind)
        /// The time must lie in the restorable window of the cluster the `source` parameter names (from its
        /// EarliestRestorableTime to its LatestRestorableTime).
        case restorableTime(source: String)
        /// The resource must not be one the service keeps in every region (a `default.<family>` parameter group).
        case notDefault(ResourceKind)
        /// The ARN must name a resource that uses (the `usedBy` of `resources.yaml`) the one the `of` parameter names:
        /// a member of it (a cluster of a global cluster). With `writerError`, not its first member, its writer, while
        /// others remain: that draws `writerError`. An ARN that names nothing is left to `namesResource`.
        case memberOf(of: String, writerError: String?)
    }

    /// The keyword spec files use for this kind of precondition.
    public var keyword: String {
        switch kind {
        case .exists: "exists"
        case .absent: "absent"
        case .state: "state"
        case .notDeletionProtected: "notDeletionProtected"
        case .hasReader: "hasReader"
        case .isReadReplica: "isReadReplica"
        case .readerOf: "readerOf"
        case .hasNoInstances: "hasNoInstances"
        case .restorableTime: "restorableTime"
        case .orderable: "orderable"
        case .serverlessScaling: "serverlessScaling"
        case .namesResource: "namesResource"
        case .spansZones: "spansZones"
        case .associated: "associated"
        case .notAssociated: "notAssociated"
        case .notDefault: "notDefault"
        case .notInUse: "notInUse"
        case .memberOf: "memberOf"
        }
    }
}

/// A kind of resource a precondition, a lifecycle or a scenario can name: one of the kinds the suite has known from the
/// start (`builtIn`), or another kind `resources.yaml` describes whose name is a structure of `shapes.yaml` (the item
/// its describe lists), which the reference server serves from the spec alone.
public struct ResourceKind: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public static let dbCluster = ResourceKind(rawValue: "DBCluster")
    public static let dbClusterSnapshot = ResourceKind(rawValue: "DBClusterSnapshot")
    public static let dbClusterParameterGroup = ResourceKind(rawValue: "DBClusterParameterGroup")
    public static let dbParameterGroup = ResourceKind(rawValue: "DBParameterGroup")
    public static let dbSubnetGroup = ResourceKind(rawValue: "DBSubnetGroup")
    public static let globalCluster = ResourceKind(rawValue: "GlobalCluster")
    public static let dbInstance = ResourceKind(rawValue: "DBInstance")
    /// A custom endpoint of a DB cluster.
    public static let dbClusterEndpoint = ResourceKind(rawValue: "DBClusterEndpoint")
    public static let eventSubscription = ResourceKind(rawValue: "EventSubscription")
    /// A VPC subnet: the suite cannot create one; the endpoint knows which exist and their zones.
    public static let subnet = ResourceKind(rawValue: "Subnet")

    /// The kinds the suite knows without `resources.yaml`, in the order error messages list them.
    public static let builtIn: [ResourceKind] = [
        .dbCluster, .dbClusterSnapshot, .dbClusterParameterGroup, .dbParameterGroup, .dbSubnetGroup, .globalCluster,
        .dbInstance, .dbClusterEndpoint, .eventSubscription, .subnet,
    ]

    /// The built-in kinds, then those of `others` that are not built in, in their order.
    public static func builtIn(adding others: [ResourceKind]) -> [ResourceKind] {
        builtIn + others.filter { !builtIn.contains($0) }
    }

    /// The kind called `name` among `known`, or nil.
    public static func named(_ name: String, among known: [ResourceKind] = builtIn) -> ResourceKind? {
        known.first { $0.rawValue == name }
    }

    public static func < (lhs: ResourceKind, rhs: ResourceKind) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { rawValue }
}
