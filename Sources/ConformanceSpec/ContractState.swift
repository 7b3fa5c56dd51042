import Foundation

/// What the evaluator needs to know of an endpoint's state to judge preconditions. The reference
/// server's store answers it; identifiers are as the request gives them (the state knows how it
/// stores and finds them).
public protocol ContractState {
    /// The cluster `identifier` names, or nil when there is none.
    func cluster(_ identifier: String) -> ContractClusterFacts?
    /// Whether a resource of `kind` has this identifier (kinds the state does not keep: its own rule).
    func exists(_ kind: ResourceKind, _ identifier: String) -> Bool
    /// The status of the DB instance, or nil when there is none.
    func instanceStatus(_ identifier: String) -> String?
    /// The state facts of a resource of a kind other than a cluster, or nil when there is none (or the state does
    /// not keep the kind).
    func resource(_ kind: ResourceKind, _ identifier: String) -> ContractResourceFacts?
    /// What an ARN names in this state (`namesResource` preconditions).
    func resource(arn: String) -> ARNLookup
    /// What an ARN names when only a resource of `kind` will do (`namesResource` with `only: true`): an ARN of another
    /// kind is `.missing` with `kind`'s not-found code.
    func resource(arn: String, of kind: ResourceKind) -> ARNLookup
    /// How the resource an ARN names stands in the resource of `ownerKind` named `owner` (`memberOf`), or nil when
    /// either names nothing (or the state does not keep the kind).
    func membership(arn: String, in ownerKind: ResourceKind, _ owner: String) -> Membership?
    /// The availability zone of an existing subnet (nil: the state knows no such subnet).
    func availabilityZone(ofSubnet identifier: String) -> String?
    /// A description of what still uses the resource (`database cluster: c1`), or nil when nothing does.
    func user(of kind: ResourceKind, _ identifier: String) -> String?
    /// Whether the resource of `kind` is one the service keeps in every region (a `default.<family>` group).
    func isServiceDefault(_ kind: ResourceKind, _ identifier: String) -> Bool
    /// Whether another resource uses the resource of `kind` (a cluster attached to a parameter group).
    func isInUse(_ kind: ResourceKind, _ identifier: String) -> Bool
    /// The values associated with a resource of a kind other than a cluster (an event subscription's source
    /// identifiers), or nil when there is no such resource or the state does not keep the kind.
    func associations(of kind: ResourceKind, _ identifier: String) -> [String]?
}

extension ContractState {
    public func resource(_ kind: ResourceKind, _ identifier: String) -> ContractResourceFacts? { nil }
    public func isServiceDefault(_ kind: ResourceKind, _ identifier: String) -> Bool { false }
    public func isInUse(_ kind: ResourceKind, _ identifier: String) -> Bool { false }
    public func resource(arn: String) -> ARNLookup { .found }
    public func resource(arn: String, of kind: ResourceKind) -> ARNLookup { resource(arn: arn) }
    public func membership(arn: String, in ownerKind: ResourceKind, _ owner: String) -> Membership? { nil }
    public func availabilityZone(ofSubnet identifier: String) -> String? { identifier }
    public func user(of kind: ResourceKind, _ identifier: String) -> String? { nil }
    public func associations(of kind: ResourceKind, _ identifier: String) -> [String]? { nil }
}

/// The facts about one resource other than a cluster that `state` and `notDeletionProtected` look at.
public struct ContractResourceFacts: Sendable, Equatable {
    /// The stored identifier.
    public var id: String
    public var status: String
    public var deletionProtection: Bool

    public init(id: String, status: String, deletionProtection: Bool = false) {
        self.id = id
        self.status = status
        self.deletionProtection = deletionProtection
    }
}

/// How a resource stands in another one it may belong to (a cluster in a global cluster).
public enum Membership: Sendable, Equatable {
    /// Not a member.
    case none
    /// Its writer (first member), while other members remain.
    case writerWithOthers
    /// Any other member: a secondary, or a writer that is the only member.
    case member
}

/// What an ARN names in an endpoint's state.
public enum ARNLookup: Sendable, Equatable {
    /// An existing resource.
    case found
    /// A well-formed ARN of a known type whose resource this region and account do not hold: its kind's code.
    case missing(code: String, message: String)
    /// Not an ARN of a kind the service tags (malformed, another service, an unknown type).
    case invalid(message: String)
}

/// The facts about one cluster that preconditions look at.
public struct ContractClusterFacts: Sendable, Equatable {
    /// The stored identifier.
    public var id: String
    public var status: String
    public var deletionProtection: Bool
    /// Its DB instances, the writer first.
    public var members: [String]
    public var isReadReplica: Bool
    /// The restorable window's ends as the cluster reports them, when it does.
    public var earliestRestorableTime: String?
    public var latestRestorableTime: String?
    /// The cluster's engine version, when it reports one.
    public var engineVersion: String?
    /// True when the cluster has a serverless capacity range (ServerlessV2ScalingConfiguration).
    public var hasServerlessScaling: Bool
    /// The role ARNs associated with the cluster.
    public var roles: [String] = []

    public init(
        id: String, status: String, deletionProtection: Bool, members: [String], isReadReplica: Bool,
        earliestRestorableTime: String? = nil, latestRestorableTime: String? = nil, engineVersion: String? = nil,
        hasServerlessScaling: Bool = false
    ) {
        self.id = id
        self.status = status
        self.deletionProtection = deletionProtection
        self.members = members
        self.isReadReplica = isReadReplica
        self.earliestRestorableTime = earliestRestorableTime
        self.latestRestorableTime = latestRestorableTime
        self.engineVersion = engineVersion
        self.hasServerlessScaling = hasServerlessScaling
    }
}

extension ContractEvaluator {
    /// Every precondition of the operation that does not hold for `request` in `state`, in spec order
    /// (the first is the one the service reports).
    public func preconditionFailures(of request: Request, in state: some ContractState) -> [PreconditionFailure] {
        operation.preconditions.compactMap { failure(of: $0, request, in: state) }
    }

    /// The kind of resource a `state` or `notDeletionProtected` precondition judges: the one the operation's
    /// `exists` precondition on the same parameter names, a cluster without one.
    func subject(of condition: Precondition) -> ResourceKind {
        for other in operation.preconditions where other.parameter == condition.parameter {
            if case .exists(let kind) = other.kind { return kind }
        }
        return .dbCluster
    }

    /// The kind of resource `parameter` names: its `exists` precondition's kind, a cluster without one.
    func kind(namedBy parameter: String) -> ResourceKind {
        for other in operation.preconditions where other.parameter == parameter {
            if case .exists(let kind) = other.kind { return kind }
        }
        return .dbCluster
    }

    /// Why `condition` does not hold for the request, or nil when it holds (or names nothing).
    func failure(of condition: Precondition, _ request: Request, in state: some ContractState) -> PreconditionFailure? {
        var condition = condition
        if let selector = condition.kindFrom, case .exists = condition.kind,
            let picked = scalar(selector.parameter, in: request)
        {
            guard let kind = selector.kinds[picked] else {
                // A kind the service keeps none of: no identifier names an existing source.
                let names: [String]
                if case .list(let items)? = request.value(at: condition.parameter) {
                    names = items.compactMap { if case .scalar(let text) = $0 { text } else { nil } }
                } else {
                    names = scalar(condition.parameter, in: request).map { [$0] } ?? []
                }
                guard let first = names.first else { return nil }
                return PreconditionFailure(
                    operation: operation.name, condition: condition, code: condition.error,
                    message: "Could not find source :\(first) of type \(picked).", reason: .unmet)
            }
            condition.kind = .exists(kind)
        }
        func failed(_ message: String, _ reason: PreconditionFailure.Reason = .unmet, code: String? = nil)
            -> PreconditionFailure
        {
            PreconditionFailure(
                operation: operation.name, condition: condition, code: code ?? condition.error, message: message,
                reason: reason)
        }
        if case .list(let items)? = request.value(at: condition.parameter) {
            let texts = items.compactMap { if case .scalar(let text) = $0 { text } else { nil } }
            return failure(of: condition, listing: texts, in: state, failed: { failed($0) })
        }
        guard let value = scalar(condition.parameter, in: request) else { return nil }
        switch condition.kind {
        case .exists(.dbCluster):
            if state.cluster(value) == nil { return failed("DBCluster \(value) not found.") }
        case .exists(let kind):
            if !state.exists(kind, value) { return failed("\(kind.rawValue) \(value) not found.") }
        case .absent(.dbCluster):
            if state.cluster(value) != nil { return failed("DB Cluster already exists") }
        case .absent(.dbClusterSnapshot):
            if state.exists(.dbClusterSnapshot, value) {
                return failed(
                    "Cannot create the snapshot because a snapshot with the identifier \(value) already exists.")
            }
        case .absent(.dbInstance):
            if state.exists(.dbInstance, value) { return failed("DB instance already exists") }
        case .state(let allowed) where subject(of: condition) != .dbCluster:
            let kind = subject(of: condition)
            guard let resource = state.resource(kind, value), !allowed.contains(resource.status) else { return nil }
            return failed(
                "\(kind.rawValue) \(resource.id) is in \(resource.status) state but expected it to be one of \(allowed.joined(separator: ", "))."
            )
        case .notDeletionProtected where subject(of: condition) != .dbCluster:
            if let resource = state.resource(subject(of: condition), value), resource.deletionProtection {
                return failed(
                    "Cannot delete protected \(subject(of: condition).rawValue), please disable deletion protection and try again."
                )
            }
        case .orderable(let clusterParameter):
            guard !instanceClasses.isEmpty else { return nil }
            let cluster = state.cluster(scalar(clusterParameter, in: request) ?? "")
            if !instanceClasses.orderable(value, engineVersion: cluster?.engineVersion) {
                return failed(
                    "RDS does not support creating a DB instance with the following combination: DBInstanceClass=\(value), Engine=neptune, EngineVersion=\(cluster?.engineVersion ?? "default"), LicenseModel=amazon-license. For supported combinations of instance class and database engine version, see the documentation."
                )
            }
        case .serverlessScaling(let clusterParameter):
            guard instanceClasses.entry(value)?.serverless == true,
                let cluster = state.cluster(scalar(clusterParameter, in: request) ?? ""), !cluster.hasServerlessScaling
            else { return nil }
            return failed(
                "Set the Serverless v2 scaling configuration on the parent DB cluster before creating a Serverless v2 DB instance."
            )
        case .absent(let kind):
            if state.exists(kind, value) { return failed("\(kind.rawValue) \(value) already exists.") }
        case .namesResource(let kind):
            switch condition.namedKindOnly ? state.resource(arn: value, of: kind) : state.resource(arn: value) {
            case .found: return nil
            case .missing(let code, let message): return failed(message, code: condition.missing ?? code)
            case .invalid(let message): return failed(message)
            }
        case .associated(let with, _) where kind(namedBy: with) != .dbCluster:
            let owner = scalar(with, in: request) ?? ""
            if let values = state.associations(of: kind(namedBy: with), owner), !values.contains(value) {
                return failed("\(value) is not associated with \(owner).")
            }
        case .associated(let with, _):
            if let cluster = state.cluster(scalar(with, in: request) ?? ""), !cluster.roles.contains(value) {
                return failed("Role \(value) is not associated with \(cluster.id).")
            }
        case .notAssociated(let with):
            if let cluster = state.cluster(scalar(with, in: request) ?? ""), cluster.roles.contains(value) {
                return failed("Role \(value) is already associated with \(cluster.id).")
            }
        case .notInUse(let kind):
            if let user = state.user(of: kind, value) {
                return failed("Cannot delete \(value) because at least one \(user) is still using it.")
            }
        case .spansZones:
            return failure(of: condition, listing: [value], in: state, failed: { failed($0) })
        case .notDefault(let kind):
            if state.isServiceDefault(kind, value) {
                return failed("\(kind.rawValue) \(value) is a default group and cannot be changed or deleted.")
            }
        case .state(let allowed):
            guard let cluster = state.cluster(value), !allowed.contains(cluster.status) else { return nil }
            return failed(
                "DbCluster \(cluster.id) is in \(cluster.status) state but expected it to be one of \(allowed.joined(separator: ", "))."
            )
        case .notDeletionProtected:
            if let cluster = state.cluster(value), cluster.deletionProtection {
                return failed("Cannot delete protected Cluster, please disable deletion protection and try again.")
            }
        case .hasReader:
            if let cluster = state.cluster(value), cluster.members.count < 2 {
                return failed("Cluster \(cluster.id) has no reader instance to fail over to.")
            }
        case .isReadReplica:
            if let cluster = state.cluster(value), !cluster.isReadReplica {
                return failed("DbCluster \(cluster.id) is not a read replica.")
            }
        case .restorableTime(let sourceParameter):
            guard let cluster = state.cluster(scalar(sourceParameter, in: request) ?? ""),
                let time = ISOTimestamp.parse(value)
            else {
                return nil
            }
            if let latest = cluster.latestRestorableTime, let date = ISOTimestamp.parse(latest), time > date {
                return failed("RestoreToTime \(value) is after the latest restorable time of \(cluster.id), \(latest).")
            }
            if let earliest = cluster.earliestRestorableTime, let date = ISOTimestamp.parse(earliest), time < date {
                return failed(
                    "RestoreToTime \(value) is before the earliest restorable time of \(cluster.id), \(earliest).")
            }
        case .memberOf(let ownerParameter, let writerError):
            let ownerKind = operation.preconditions.lazy.compactMap { other -> ResourceKind? in
                if other.parameter == ownerParameter, case .exists(let kind) = other.kind { return kind }
                return nil
            }.first
            guard let ownerKind, let owner = scalar(ownerParameter, in: request),
                let standing = state.membership(arn: value, in: ownerKind, owner)
            else { return nil }
            switch standing {
            case .none: return failed("The cluster \(value) is not a member of \(ownerKind.rawValue) \(owner).")
            case .writerWithOthers:
                guard let writerError else { return nil }
                return failed(
                    "The cluster \(value) is the writer of \(ownerKind.rawValue) \(owner), which has other members.",
                    code: writerError)
            case .member: return nil
            }
        case .hasNoInstances:
            if let cluster = state.cluster(value),
                cluster.members.contains(where: { state.instanceStatus($0) != "deleting" })
            {
                return failed("Cluster cannot be deleted, it still contains DB instances in non-deleting state.")
            }
        case .readerOf(let clusterParameter):
            guard let cluster = state.cluster(scalar(clusterParameter, in: request) ?? "") else { return nil }
            let instance = value.lowercased()
            if cluster.members.first == instance {
                return failed("DB instance \(instance) is the writer of \(cluster.id); name one of its readers.")
            }
            if !cluster.members.contains(instance) {
                return failed("DB instance \(instance) is not a member of \(cluster.id).", .notAMember)
            }
        }
        return nil
    }

    /// Preconditions on a list of values: each must exist (`exists`), or together they must span zones.
    func failure(
        of condition: Precondition, listing values: [String], in state: some ContractState,
        failed: (String) -> PreconditionFailure
    ) -> PreconditionFailure? {
        switch condition.kind {
        case .exists(let kind):
            if let missing = values.first(where: { !state.exists(kind, $0) }) {
                return failed("\(kind.rawValue) \(missing) not found.")
            }
        case .spansZones(let minimum):
            let zones = Set(values.compactMap { state.availabilityZone(ofSubnet: $0) })
            if zones.count < minimum {
                return failed(
                    "The subnets cover \(zones.count) availability zone(s); at least \(minimum) are needed.")
            }
        default: break
        }
        return nil
    }
}
