/// The resource kinds of `resources.yaml` with their lifecycles, and the questions the runner and the
/// generator ask of them (which resource a request creates, deletes or acts on; what a parameter names).
public struct ResourceCatalog: Sendable, Equatable {
    /// In file order, which is the order tear-down and the final sweep delete kinds in (members before
    /// what they belong to).
    public var lifecycles: [ResourceLifecycle]
    /// A read that needs no parameter and changes nothing (the signature probe; the protocol family's action).
    public var probe: String?
    /// Operations outside `operations/` that set-up and tear-down call (the suite does not test them).
    public var helperOperations: [String]
    /// The operations that only read (`reads:`): sending one twice does what sending it once does, so the runner
    /// resends one whose answer was lost.
    public var reads: [String] = []

    public init(lifecycles: [ResourceLifecycle] = [], probe: String? = nil, helperOperations: [String] = []) {
        self.lifecycles = lifecycles
        self.probe = probe
        self.helperOperations = helperOperations
    }

    public func lifecycle(of kind: ResourceKind) -> ResourceLifecycle? { lifecycles.first { $0.kind == kind } }

    /// The built-in kinds, then the other kinds this catalogue describes.
    public var knownKinds: [ResourceKind] {
        ResourceKind.builtIn(adding: lifecycles.map(\.kind))
    }

    /// True when `operation` only reads (`reads:`, and every kind's describe).
    public func reads(_ operation: String) -> Bool {
        reads.contains(operation) || lifecycle(describedBy: operation) != nil
    }

    /// The resource a request of `operation` acts on (create, describe, modify, delete or action) and the
    /// parameter naming it.
    public func subject(of operation: String) -> (lifecycle: ResourceLifecycle, parameter: String)? {
        for lifecycle in lifecycles {
            if let entry = lifecycle.operations.first(where: { $0.operation == operation }) {
                return (lifecycle, entry.parameter)
            }
        }
        return nil
    }

    /// What a successful `operation` creates: each kind with the parameter naming the new resource (its creates,
    /// and what a delete makes on the side).
    public func creations(by operation: String) -> [(kind: ResourceKind, parameter: String)] {
        var result: [(kind: ResourceKind, parameter: String)] = []
        for lifecycle in lifecycles {
            for entry in lifecycle.creates where entry.operation == operation {
                result.append((lifecycle.kind, entry.parameter))
            }
            if lifecycle.delete.operation == operation {
                result += lifecycle.delete.creates.map { ($0.kind, $0.parameter) }
            }
        }
        return result
    }

    /// True when `parameter` of `operation` names the resource the operation creates, which its answers show under
    /// the kind's describe identifier `element` (a copy's target name as the group's name).
    /// True when the answer member `element` holds the identifier a kind's describe `parameter` names (an event
    /// subscription's `SubscriptionName` as `CustSubscriptionId`): the request's value comes back there.
    public func identifierComesBack(_ parameter: String, as element: String) -> Bool {
        lifecycles.contains { $0.describe.identifier == parameter && $0.describe.identifierMember == element }
    }

    public func namesNewResource(_ parameter: String, in operation: String, as element: String) -> Bool {
        lifecycles.contains { lifecycle in
            lifecycle.describe.identifier == element
                && lifecycle.creates.contains(ResourceParameter(operation: operation, parameter: parameter))
        }
    }

    /// What a successful `operation` deletes: the kind and the parameter naming it.
    public func deletion(by operation: String) -> (lifecycle: ResourceLifecycle, parameter: String)? {
        lifecycles.first { $0.delete.operation == operation }.map { ($0, $0.delete.identifier) }
    }

    /// True when `operation` creates a resource of some kind.
    public func creates(_ operation: String) -> Bool {
        lifecycles.contains { $0.creates.contains { $0.operation == operation } }
    }

    /// The kind whose describe operation is `operation`.
    public func lifecycle(describedBy operation: String) -> ResourceLifecycle? {
        lifecycles.first { $0.describe.operation == operation }
    }

    /// The kind `operation` describes one resource of by its identifier (the describe takes the identifier parameter).
    public func lifecycle(lookingUp operation: OperationSpec) -> ResourceLifecycle? {
        lifecycle(describedBy: operation.name).flatMap {
            operation.parameters.member(named: $0.describe.identifier) == nil ? nil : $0
        }
    }

    /// The kind whose modify operation is `operation`.
    public func lifecycle(modifiedBy operation: String) -> ResourceLifecycle? {
        lifecycles.first { $0.modify?.operation == operation }
    }

    /// The kind whose describe answer carries `member`, which cases may ask for at run time.
    public func lifecycle(offering runtimeMember: String) -> ResourceLifecycle? {
        lifecycles.first { $0.describe.runtimeMembers.contains(runtimeMember) }
    }

    /// The kind whose ARNs carry this type segment (`cluster`, `subgrp`, ...).
    public func lifecycle(arnType type: String) -> ResourceLifecycle? { lifecycles.first { $0.arn?.type == type } }

    /// The kind whose resources belong to resources of `kind` (instances of a cluster).
    public func members(of kind: ResourceKind) -> ResourceLifecycle? { lifecycles.first { $0.memberOf == kind } }

    /// The kind of resource `parameter` of `operation` names, as this file says (acted on, created on the side,
    /// or referenced).
    public func kind(named parameter: String, in operation: String) -> ResourceKind? {
        for lifecycle in lifecycles {
            let entries = lifecycle.operations + lifecycle.references
            if entries.contains(ResourceParameter(operation: operation, parameter: parameter)) { return lifecycle.kind }
        }
        for lifecycle in lifecycles where lifecycle.delete.operation == operation {
            if let effect = lifecycle.delete.creates.first(where: { $0.parameter == parameter }) { return effect.kind }
        }
        return nil
    }

    /// The kind of resource a parameter of `operation` names: as this file says, else through the parameter it
    /// `renames`, else from an `exists` or `absent` precondition on it.
    public func kind(named parameter: String, in operation: OperationSpec) -> ResourceKind? {
        if let kind = kind(named: parameter, in: operation.name) { return kind }
        if let renamed = operation.parameter(at: parameter)?.renames,
            let kind = kind(named: renamed, in: operation.name)
        {
            return kind
        }
        for condition in operation.preconditions where condition.parameter == parameter {
            switch condition.kind {
            case .exists(let kind), .absent(let kind): return kind
            default: continue
            }
        }
        return nil
    }
}
