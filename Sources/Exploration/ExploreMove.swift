import ConformanceSpec

/// A step the generator could take next, before its parameters are drawn: an operation of a kind's lifecycle (or a
/// tagging operation) on one resource of the world, or a create of a new one; the state it finds the resource in
/// (the coverage triple), and the precondition it breaks, if it breaks one.
struct ExploreMove {
    /// What every move of this kind and operation shares, made once per generator (a move is copied often).
    final class Entry: Sendable {
        let lifecycle: ResourceLifecycle
        let operation: OperationSpec
        let role: ExploreStep.Role
        /// The step of `resources.yaml` the request starts from (a set-up create, a delete with its parameters).
        let base: ResourceStep?

        init(lifecycle: ResourceLifecycle, operation: OperationSpec, role: ExploreStep.Role, base: ResourceStep?) {
            self.lifecycle = lifecycle
            self.operation = operation
            self.role = role
            self.base = base
        }
    }

    let entry: Entry
    /// The resource the move acts on; nil for a create of a new one.
    var subject: ExploreWorld.Resource?
    /// Sent signed for the other region than the subject's (a resource looked for where it is not).
    var otherRegion = false
    var breaks: String?

    var lifecycle: ResourceLifecycle { entry.lifecycle }
    var operation: OperationSpec { entry.operation }
    var role: ExploreStep.Role { entry.role }
    var base: ResourceStep? { entry.base }

    /// The triple and the precondition broken (`valid` for none): what the generator's bias counts.
    var key: String { ExploreMove.key(triple, breaks: breaks) }

    static func key(_ triple: ExploreTriple, breaks: String?) -> String { "\(triple)|\(breaks ?? "valid")" }

    var triple: ExploreTriple {
        ExploreTriple(kind: lifecycle.kind.rawValue, state: subject?.state ?? "absent", operation: operation.name)
    }
}

/// A (kind, state, operation) triple of the state space: an operation sent to a resource of a kind in a state.
public struct ExploreTriple: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var kind: String
    public var state: String
    public var operation: String

    public init(kind: String, state: String, operation: String) {
        self.kind = kind
        self.state = state
        self.operation = operation
    }

    public static func < (left: ExploreTriple, right: ExploreTriple) -> Bool {
        (left.kind, left.state, left.operation) < (right.kind, right.state, right.operation)
    }

    public var description: String { "\(kind) \(state) \(operation)" }
}

extension ExploreMove {
    /// The preconditions on the subject the move's operation would break in `world`: the keyword of each.
    static func broken(
        by operation: OperationSpec, subject: ExploreWorld.Resource, parameter: String, world: ExploreWorld
    )
        -> [String]
    {
        guard subject.alive else { return ["exists"] }
        var broken: [String] = []
        for condition in operation.preconditions where condition.parameter == parameter {
            switch condition.kind {
            case .state(let allowed): if !allowed.contains(subject.state) { broken.append(condition.keyword) }
            case .notDeletionProtected: if subject.deletionProtected { broken.append(condition.keyword) }
            case .hasNoInstances: if !world.instances(of: subject.name).isEmpty { broken.append(condition.keyword) }
            case .hasReader: if world.instances(of: subject.name).count < 2 { broken.append(condition.keyword) }
            case .isReadReplica: broken.append(condition.keyword)
            case .notInUse(let user):
                if world.live(user).contains(where: { $0.related[subject.kind] == subject.name }) {
                    broken.append(condition.keyword)
                }
            default: continue
            }
        }
        return broken
    }
}
