/// How one kind of resource lives, as `resources.yaml` says: the operations that create, describe, modify,
/// act on and delete it, its status member and states, how a case's set-up makes one, how tear-down and the
/// final sweep remove one, and the parameters of other operations that name it.
public struct ResourceLifecycle: Sendable, Equatable {
    public var kind: ResourceKind
    /// The letter generated identifiers of this kind carry after the run prefix (`c` in `nc1a2b3c-ac4`).
    public var nameTag: String
    /// Every operation that creates one, with the parameter that names the new resource.
    public var creates: [ResourceParameter]
    public var describe: Describe
    /// The operation that changes one, with what a set-up change adds and the state it waits for afterwards (renames
    /// come from the operation's `renames:` parameter).
    public var modify: ResourceStep?
    public var delete: Delete
    /// Other operations that act on one, and the state each leads to, if set-up may use it to reach that state.
    public var actions: [Action]
    /// Parameters of operations that name an existing resource of this kind without acting on it.
    public var references: [ResourceParameter]
    public var setup: Setup
    public var deletionProtection: DeletionProtection?
    /// The kind these resources belong to (instances to a cluster: its first is the writer, later ones readers).
    public var memberOf: ResourceKind?
    /// States a member takes when the resource it belongs to reaches them (a stopped cluster's instances are stopped).
    public var sharesStates: [String] = []
    /// How an ARN names one (tagging names resources by ARN), when it has one.
    public var arn: ARN?
    /// Which parameter of another kind's set-up create makes that resource use one of these (a cluster its
    /// subnet group), for the case that deletes one still in use.
    public var usedBy: UsedBy?
    /// The name of one resource of this kind the service keeps in every region (`default.neptune1.3`), which no
    /// case creates or deletes.
    public var serviceDefault: String?
    /// False for a kind the service keeps once for all regions (a global cluster): every region's endpoint lists the
    /// same ones, so no case checks that another region does not see it.
    public var regional = true
    /// The statuses a resource shows while a change of it is under way (`transitions:`); a change without one is done
    /// at once. The reference server's resource engine reads them; the runner waits for `waitFor` states as before.
    public var transitions = Transitions()

    /// The status shown while a create, a modify or a delete is under way: after a create or a modify the resource
    /// settles in its usual status, after a delete it is gone. One creating operation may show its own (a copy is
    /// `copying`).
    public struct Transitions: Sendable, Equatable {
        public var create: String?
        public var modify: String?
        public var delete: String?
        /// The status a particular creating operation shows instead of `create`'s, by operation name.
        public var creatingBy: [String: String] = [:]

        public init(create: String? = nil, modify: String? = nil, delete: String? = nil) {
            self.create = create
            self.modify = modify
            self.delete = delete
        }

        /// The status a resource `operation` creates shows until it is ready.
        public func creating(by operation: String) -> String? { creatingBy[operation] ?? create }
    }

    public init(
        kind: ResourceKind, nameTag: String, creates: [ResourceParameter], describe: Describe,
        modify: ResourceStep? = nil,
        delete: Delete, actions: [Action] = [], references: [ResourceParameter] = [], setup: Setup,
        deletionProtection: DeletionProtection? = nil, memberOf: ResourceKind? = nil
    ) {
        self.kind = kind
        self.nameTag = nameTag
        self.creates = creates
        self.describe = describe
        self.modify = modify
        self.delete = delete
        self.actions = actions
        self.references = references
        self.setup = setup
        self.deletionProtection = deletionProtection
        self.memberOf = memberOf
    }

    /// The describe operation: where its answer lists the resources and their status.
    public struct Describe: Sendable, Equatable {
        public var operation: String
        /// The parameter that asks for one resource.
        public var identifier: String
        /// Slash-separated path of one listed resource in the answer, from the root's child (`…Result/Items/Item`).
        public var items: String
        /// The member of a listed resource that holds its state (nil for kinds without one, parameter groups).
        public var status: String?
        /// The error code of an identifier that names nothing; nil when such a describe lists nothing instead.
        public var notFound: String?
        /// Members a case may ask the endpoint for at run time (a `RuntimeValue`).
        public var runtimeMembers: [String]
        /// The member of a listed resource that holds the identifier, when its name is not the parameter's (an event
        /// subscription's `SubscriptionName` comes back as `CustSubscriptionId`).
        public var identifierMember: String?

        public init(
            operation: String, identifier: String, items: String, status: String?, notFound: String?,
            runtimeMembers: [String] = [], identifierMember: String? = nil
        ) {
            self.operation = operation
            self.identifier = identifier
            self.items = items
            self.status = status
            self.notFound = notFound
            self.runtimeMembers = runtimeMembers
            self.identifierMember = identifierMember
        }

        /// The answer path of the status of a listed resource, when it has one.
        public var statusPath: String? { status.map { items + "/" + $0 } }
        /// The answer path of a member of a listed resource.
        public func path(of member: String) -> String { items + "/" + member }
    }

    /// The delete operation, what tear-down sends besides the identifier, and what else it creates.
    public struct Delete: Sendable, Equatable {
        public var operation: String
        public var identifier: String
        /// Parameters tear-down and the sweep add (no final snapshot, ...).
        public var parameters: [StepParameter]
        /// The error code of a delete of something already gone: the resource counts as deleted.
        public var notFound: String
        /// Resources a successful delete creates, by the parameter that names them.
        public var creates: [SideEffect]

        public init(
            operation: String, identifier: String, parameters: [StepParameter] = [], notFound: String,
            creates: [SideEffect] = []
        ) {
            self.operation = operation
            self.identifier = identifier
            self.parameters = parameters
            self.notFound = notFound
            self.creates = creates
        }

        /// The delete as a step.
        public var step: ResourceStep {
            ResourceStep(operation: operation, identifier: identifier, parameters: parameters)
        }
    }

    /// A resource of another kind that an operation creates on the side.
    public struct SideEffect: Sendable, Equatable {
        public var parameter: String
        public var kind: ResourceKind

        public init(parameter: String, kind: ResourceKind) {
            self.parameter = parameter
            self.kind = kind
        }
    }

    /// An operation on one resource (start, stop, failover, ...).
    public struct Action: Sendable, Equatable {
        public var operation: String
        public var identifier: String
        /// The state the resource settles in afterwards, when set-up may use the action to reach it.
        public var reaches: String?
        /// The state it shows on the way there (`stopping`), for the transition delay; nil: it reaches it at once.
        public var during: String?
        /// The list member of the resource the action adds a parameter's value to or removes it from, if it does.
        public var listChange: ListChange?
        /// `resets: P`: the action returns the values the list parameter P names to their defaults (all of them when
        /// the request names none), as a parameter group's reset does.
        public var resets: String?

        /// `adds: {parameter: P, member: M}` or `removes: {…}`: the value of request parameter P joins or leaves the
        /// resource's list member M (a subscription's sources).
        public struct ListChange: Sendable, Equatable {
            public var adds: Bool
            public var parameter: String
            public var member: String

            public init(adds: Bool, parameter: String, member: String) {
                self.adds = adds
                self.parameter = parameter
                self.member = member
            }
        }

        public init(operation: String, identifier: String, reaches: String? = nil, during: String? = nil) {
            self.operation = operation
            self.identifier = identifier
            self.reaches = reaches
            self.during = during
        }

        public var step: ResourceStep { ResourceStep(operation: operation, identifier: identifier, waitFor: reaches) }
    }

    /// How a case's set-up makes one.
    public struct Setup: Sendable, Equatable {
        /// The create, waiting for the state a new resource settles in.
        public var create: ResourceStep
        /// Parameters added to the create to make a read replica of another resource of this kind, if it can have one.
        public var readReplica: [StepParameter]?

        public init(create: ResourceStep, readReplica: [StepParameter]? = nil) {
            self.create = create
            self.readReplica = readReplica
        }
    }

    /// Deletion protection: what a create adds to switch it on, and the step that switches it off.
    public struct DeletionProtection: Sendable, Equatable {
        public var on: [StepParameter]
        public var off: ResourceStep

        public init(on: [StepParameter], off: ResourceStep) {
            self.on = on
            self.off = off
        }
    }

    /// The ARN form `arn:PARTITION:SERVICE:REGION:ACCOUNT:TYPE:ID` of one resource.
    public struct ARN: Sendable, Equatable {
        /// The type segment (`cluster`, `db`, `cluster-snapshot`, `subgrp`).
        public var type: String
        /// The describe answer's member that holds the ARN (one of the describe's `runtimeMembers`).
        public var member: String
        /// The error code of an ARN of this type that names nothing.
        public var notFound: String
        public var inferred: Bool

        public init(type: String, member: String, notFound: String, inferred: Bool = false) {
            self.type = type
            self.member = member
            self.notFound = notFound
            self.inferred = inferred
        }
    }

    /// A kind whose set-up create can use one of these resources, and the create's parameter that names it.
    public struct UsedBy: Sendable, Equatable {
        public var kind: ResourceKind
        public var parameter: String

        public init(kind: ResourceKind, parameter: String) {
            self.kind = kind
            self.parameter = parameter
        }
    }

    /// The state a new resource settles in (set-up waits for it).
    public var readyState: String? { setup.create.waitFor }

    /// The steps that remove one, in order (deletion protection off first); each may fail.
    public var cleanup: [ResourceStep] {
        var steps: [ResourceStep] = []
        if var off = deletionProtection?.off {
            off.waitFor = nil
            steps.append(off)
        }
        return steps + [delete.step]
    }

    /// Every operation that acts on one, with the parameter naming it: creates, describe, modify, delete, actions.
    public var operations: [ResourceParameter] {
        var result = creates
        result.append(ResourceParameter(operation: describe.operation, parameter: describe.identifier))
        if let modify { result.append(ResourceParameter(operation: modify.operation, parameter: modify.identifier)) }
        result.append(ResourceParameter(operation: delete.operation, parameter: delete.identifier))
        result += actions.map { ResourceParameter(operation: $0.operation, parameter: $0.identifier) }
        return result
    }

    /// The action that brings a ready resource into `state`, if set-up can reach it.
    public func action(reaching state: String) -> Action? { actions.first { $0.reaches == state } }
}
