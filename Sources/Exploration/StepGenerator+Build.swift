import CaseGenerator
import ConformanceSpec

extension StepGenerator {
    /// The step of `move` with its parameters drawn: the `resources.yaml` step it starts from, the operation's
    /// required members (resources the preconditions name taken from the world, other values as valid cases send
    /// them), and sometimes one optional member. Nil when the world lacks a resource the step needs.
    func build(_ move: ExploreMove, world: inout ExploreWorld, random: inout SeededRandom) -> ExploreStep? {
        let lifecycle = move.lifecycle
        let operation = move.operation
        var draft = Draft()
        let name: String
        var second: Bool
        if let subject = move.subject {
            name = subject.name
            second = subject.inSecondRegion != move.otherRegion
            draft.sameRegion = subject.inSecondRegion
        } else {
            name = world.freshName(tag: lifecycle.nameTag)
            second = lifecycle.regional && random.chance(secondRegionShare)
            draft.sameRegion = second
            draft.creates[name] = lifecycle.kind
        }
        if !lifecycle.regional { second = false }
        draft.subject = move.subject
        draft.breaks = move.breaks
        let token = "{{\(name)}}"
        if let base = move.base {
            var related: [ResourceKind: String] = [:]
            for kind in base.relatedKinds {
                guard let other = pick(kind, world: world, draft: draft, random: &random) else { return nil }
                related[kind] = "{{\(other.name)}}"
                draft.related[kind] = other.name
            }
            draft.parameters = base.requestValues(id: token, related: related)
        } else if move.role == .create, let entry = lifecycle.creates.first(where: { $0.operation == operation.name }) {
            draft.parameters = [Parameter(entry.parameter, .scalar(token))]
        } else if move.role == .tagging, let member = lifecycle.arn?.member,
            let condition = operation.preconditions.first(where: {
                if case .namesResource = $0.kind { true } else { false }
            })
        {
            draft.parameters = [Parameter(condition.parameter, .scalar("{{\(member):\(token)}}"))]
        }
        let external = Set(CaseGenerator.externalParameters(of: operation, resources: spec.resources))
        var counter = 0
        for member in operation.parameters.members where member.required && draft.value(member.name) == nil {
            guard
                let value = fill(
                    member, of: operation, world: &world, draft: &draft, random: &random, counter: &counter)
            else { return nil }
            draft.parameters.append(Parameter(member.name, value))
        }
        if random.chance(optionalShare) {
            let optional = operation.parameters.members.filter {
                !$0.required && !$0.unsupported && !external.contains($0.name) && draft.value($0.name) == nil
                    && $0.constant == nil
            }
            // Half the time one that names another resource (a member, a target, a global cluster), when there is one:
            // those join resources together, where sequences find what single requests do not.
            let naming = optional.filter { member in operation.preconditions.contains { $0.parameter == member.name } }
            let chosen = !naming.isEmpty && random.chance(50) ? random.pick(naming) : random.pick(optional)
            if let member = chosen,
                let value = fill(
                    member, of: operation, world: &world, draft: &draft, random: &random, counter: &counter)
            {
                draft.parameters.append(Parameter(member.name, value))
                draft.optional.append(member.name)
                if let renamed = member.renames, draft.value(renamed) != nil, case .scalar(let text) = value {
                    for new in Scenario.references(in: text) { draft.creates[new] = lifecycle.kind }
                }
            }
        }
        for (new, kind) in draft.creates.sorted(by: { $0.key < $1.key }) {
            world.declare(
                new, kind: kind, inSecondRegion: kind == lifecycle.kind ? second : draft.sameRegion,
                related: kind == lifecycle.kind ? draft.related : [:])
        }
        return ExploreStep(
            request: Request(operation: operation.name, parameters: draft.parameters), inSecondRegion: second,
            role: move.role, kind: lifecycle.kind, subject: name, optional: draft.optional, creates: draft.creates,
            breaks: draft.breaks)
    }

    /// What a step is being built from.
    struct Draft {
        var parameters: [Parameter] = []
        var optional: [String] = []
        var creates: [String: ResourceKind] = [:]
        var related: [ResourceKind: String] = [:]
        var subject: ExploreWorld.Resource?
        var sameRegion = false
        var breaks: String?

        func value(_ name: String) -> ParameterValue? { parameters.first { $0.name == name }?.value }

        /// The sequence name a parameter's value holds (`c1` of `{{c1}}`).
        func name(in parameter: String) -> String? {
            guard case .scalar(let text)? = value(parameter) else { return nil }
            return Scenario.references(in: text).first
        }
    }

    /// A resource of `kind` in the draft's region for a step to name: one related to the subject if there is one
    /// (an instance of the cluster the step acts on), else any live one; now and then one that is gone (the step
    /// then breaks `exists`, when it breaks nothing else).
    func pick(_ kind: ResourceKind, world: ExploreWorld, draft: Draft, random: inout SeededRandom) -> ExploreWorld
        .Resource?
    {
        let global = spec.resources.lifecycle(of: kind)?.regional == false
        let live = world.live(kind).filter { global || $0.inSecondRegion == draft.sameRegion }
        let cluster = draft.subject.map { $0.kind == .dbCluster ? $0.name : $0.related[.dbCluster] } ?? nil
        let close = live.filter { cluster != nil && ($0.related[.dbCluster] == cluster || $0.name == cluster) }
        if !close.isEmpty && random.chance(70) { return random.pick(close) }
        // A cluster that already has instances half the time: clusters with a writer and readers are where
        // failovers and custom endpoints' member lists mean something.
        let grown = live.filter { kind == .dbCluster && !world.instances(of: $0.name).isEmpty }
        if !grown.isEmpty && random.chance(50) { return random.pick(grown) }
        if let found = random.pick(live) { return found }
        return nil
    }

    /// A value for `member`: a resource its preconditions name, a new name, an ARN, or what valid cases send.
    func fill(
        _ member: MemberSpec, of operation: OperationSpec, world: inout ExploreWorld, draft: inout Draft,
        random: inout SeededRandom, counter: inout Int
    ) -> ParameterValue? {
        let isList: Bool = if case .list = member.type { true } else { false }
        for condition in operation.preconditions where condition.parameter == member.name {
            switch condition.kind {
            case .exists(let kind):
                if draft.breaks == nil, random.chance(10), let gone = random.pick(world.gone(kind)) {
                    draft.breaks = "exists"
                    return isList ? .list([.scalar("{{\(gone.name)}}")]) : .scalar("{{\(gone.name)}}")
                }
                guard let found = pick(kind, world: world, draft: draft, random: &random) else { return nil }
                if !isList { draft.related[kind] = found.name }
                return isList ? .list([.scalar("{{\(found.name)}}")]) : .scalar("{{\(found.name)}}")
            case .absent(let kind):
                guard let tag = spec.resources.lifecycle(of: kind)?.nameTag else { return nil }
                let name = world.freshName(tag: tag)
                draft.creates[name] = kind
                return .scalar("{{\(name)}}")
            case .namesResource:
                let owners = world.resources.filter {
                    $0.alive && spec.resources.lifecycle(of: $0.kind)?.arn != nil
                }
                guard let owner = random.pick(owners), let arn = spec.resources.lifecycle(of: owner.kind)?.arn else {
                    return nil
                }
                return .scalar("{{\(arn.member):{{\(owner.name)}}}}")
            case .readerOf(let clusterParameter):
                guard let cluster = draft.name(in: clusterParameter) else { return nil }
                let members = world.instances(of: cluster)
                guard let writer = members.first else { return nil }
                if draft.breaks == nil, random.chance(30) {
                    draft.breaks = condition.keyword
                    return .scalar("{{\(writer.name)}}")
                }
                guard let reader = random.pick(Array(members.dropFirst())) else { return nil }
                return .scalar("{{\(reader.name)}}")
            case .memberOf(let globalParameter, _):
                guard let global = draft.name(in: globalParameter),
                    let arn = spec.resources.lifecycle(of: .dbCluster)?.arn?.member
                else { return nil }
                let clusters = world.live(.dbCluster)
                let members = clusters.filter { $0.related[.globalCluster] == global }
                let others = clusters.filter { $0.related[.globalCluster] != global }
                if draft.breaks == nil, random.chance(30), let other = random.pick(others) {
                    draft.breaks = condition.keyword
                    return .scalar("{{\(arn):{{\(other.name)}}}}")
                }
                guard let cluster = random.pick(members) else { return nil }
                return .scalar("{{\(arn):{{\(cluster.name)}}}}")
            default: continue
            }
        }
        if let renamed = member.renames, let kind = spec.resources.kind(named: renamed, in: operation.name),
            let tag = spec.resources.lifecycle(of: kind)?.nameTag
        {
            return .scalar("{{\(world.freshName(tag: tag))}}")
        }
        return values.validValue(of: member, in: operation, counter: &counter)
    }
}
