import CaseGenerator
import ConformanceSpec

/// Draws the steps of a sequence from `Specs/`: creates, describes, changes, actions and deletes of the nine kinds
/// of `resources.yaml`, and the operations that name a resource by ARN (tagging), mostly valid in the world's
/// current state, a share breaking exactly one precondition on the resource they act on, and a share in the second
/// region. A move whose (kind, state, operation) triple was never reached, or never with the precondition it breaks
/// (or none), is drawn ten times as often.
public struct StepGenerator: Sendable {
    public let spec: ServiceSpec
    /// Percent of steps drawn to break one precondition.
    public var breakShare: Int
    /// Percent of new resources made in the second region.
    public var secondRegionShare = 15
    /// Percent of steps that carry one optional parameter.
    public var optionalShare = 35
    let values: CaseGenerator
    let taggingOperations: [OperationSpec]
    let entries: [KindEntries]

    public init(spec: ServiceSpec, breakShare: Int = 15) {
        self.spec = spec
        self.breakShare = breakShare
        values = CaseGenerator(spec: spec)
        taggingOperations = spec.operations.filter { operation in
            !operation.unsupported && spec.resources.subject(of: operation.name) == nil
                && operation.preconditions.contains {
                    if case .namesResource = $0.kind { true } else { false }
                }
        }
        entries = Self.entries(spec: spec, tagging: taggingOperations)
    }

    /// The next step, its names declared in `world`; nil when nothing can be drawn.
    /// - Parameters:
    ///   - reached: the moves taken so far (`ExploreMove.key`): a triple, and the precondition broken.
    ///   - focus: the kinds this sequence acts on (swarm testing: each sequence a subset, so a few kinds meet often).
    public func next(
        world: inout ExploreWorld, reached: Set<String>, focus: Set<ResourceKind>, random: inout SeededRandom
    ) -> ExploreStep? {
        var candidates = moves(in: world).filter { focus.contains($0.lifecycle.kind) }
        for _ in 0..<8 {
            // First a kind (one with moves never taken three times as often), so each of the nine gets its share
            // whatever the number of its operations; then valid or breaking; then a move, untaken ones ten times as
            // often.
            var kinds: [ResourceKind] = []
            for move in candidates where !kinds.contains(move.lifecycle.kind) { kinds.append(move.lifecycle.kind) }
            let kindWeights = kinds.map { kind in
                candidates.contains { $0.lifecycle.kind == kind && !reached.contains($0.key) } ? 3 : 1
            }
            guard let kindIndex = random.weighted(kindWeights) else { return nil }
            let ofKind = candidates.filter { $0.lifecycle.kind == kinds[kindIndex] }
            let breaking = ofKind.filter { $0.breaks != nil }
            let valid = ofKind.filter { $0.breaks == nil }
            let group = !breaking.isEmpty && (valid.isEmpty || random.chance(breakShare)) ? breaking : valid
            let weights = group.map { reached.contains($0.key) ? 1 : 10 }
            guard let index = random.weighted(weights) else { return nil }
            let move = group[index]
            if let step = build(move, world: &world, random: &random) { return step }
            candidates.removeAll {
                $0.key == move.key && $0.subject?.name == move.subject?.name && $0.otherRegion == move.otherRegion
            }
        }
        return nil
    }

    /// The kinds one sequence acts on: each kind with even odds (at least one), and the kinds their set-up creates
    /// need (an instance's cluster).
    public func focus(random: inout SeededRandom) -> Set<ResourceKind> {
        let lifecycles = spec.resources.lifecycles
        var chosen = Set(lifecycles.filter { _ in random.chance(50) }.map(\.kind))
        if chosen.isEmpty, let any = random.pick(lifecycles) { chosen.insert(any.kind) }
        var grown = true
        while grown {
            grown = false
            for lifecycle in lifecycles where chosen.contains(lifecycle.kind) {
                for kind in lifecycle.setup.create.relatedKinds where !chosen.contains(kind) {
                    chosen.insert(kind)
                    grown = true
                }
            }
        }
        return chosen
    }

    /// Every move the world allows, valid or breaking one precondition.
    func moves(in world: ExploreWorld) -> [ExploreMove] {
        var moves: [ExploreMove] = []
        for entries in entries {
            for entry in entries.creates { moves.append(ExploreMove(entry: entry)) }
            for subject in world.resources where subject.kind == entries.kind {
                if subject.alive, let duplicate = entries.duplicate {
                    moves.append(ExploreMove(entry: duplicate, subject: subject, breaks: "absent"))
                }
                for entry in entries.onOne {
                    let parameter = entry.base?.identifier ?? ""
                    let broken =
                        entry.role == .tagging
                        ? (subject.alive ? [] : ["exists"])
                        : ExploreMove.broken(by: entry.operation, subject: subject, parameter: parameter, world: world)
                    guard broken.count <= 1 else { continue }
                    moves.append(ExploreMove(entry: entry, subject: subject, breaks: broken.first))
                    if entry.role == .describe, subject.alive, entry.lifecycle.regional {
                        moves.append(ExploreMove(entry: entry, subject: subject, otherRegion: true, breaks: "exists"))
                    }
                }
            }
        }
        return moves
    }

    /// The moves of one kind, made once: its creates, a create of a name it holds already, and what acts on one.
    struct KindEntries: Sendable {
        var kind: ResourceKind
        var creates: [ExploreMove.Entry] = []
        var duplicate: ExploreMove.Entry?
        var onOne: [ExploreMove.Entry] = []
    }

    static func entries(spec: ServiceSpec, tagging: [OperationSpec]) -> [KindEntries] {
        func usable(_ name: String) -> OperationSpec? {
            guard let operation = spec.operation(named: name), !operation.unsupported else { return nil }
            return operation
        }
        return spec.resources.lifecycles.map { lifecycle in
            var result = KindEntries(kind: lifecycle.kind)
            for create in lifecycle.creates {
                guard let operation = usable(create.operation) else { continue }
                let base = lifecycle.setup.create.operation == create.operation ? lifecycle.setup.create : nil
                result.creates.append(.init(lifecycle: lifecycle, operation: operation, role: .create, base: base))
            }
            if let setup = usable(lifecycle.setup.create.operation) {
                result.duplicate = .init(
                    lifecycle: lifecycle, operation: setup, role: .create, base: lifecycle.setup.create)
            }
            var steps: [(ExploreStep.Role, ResourceStep)] = [
                (
                    .describe,
                    ResourceStep(operation: lifecycle.describe.operation, identifier: lifecycle.describe.identifier)
                ),
                (.delete, lifecycle.delete.step),
            ]
            if let modify = lifecycle.modify { steps.append((.modify, modify)) }
            if let off = lifecycle.deletionProtection?.off { steps.append((.modify, off)) }
            steps += lifecycle.actions.map { (.action, $0.step) }
            for (role, step) in steps {
                guard let operation = usable(step.operation) else { continue }
                result.onOne.append(.init(lifecycle: lifecycle, operation: operation, role: role, base: step))
            }
            if lifecycle.arn != nil {
                result.onOne += tagging.map { .init(lifecycle: lifecycle, operation: $0, role: .tagging, base: nil) }
            }
            return result
        }
    }
}
