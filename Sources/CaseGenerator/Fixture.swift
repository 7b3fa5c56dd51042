import ConformanceSpec
import QueryProtocol

/// The resources a case needs before its request and the steps that create them and, afterwards, delete
/// them; how each kind is made, brought into a state and removed comes from `resources.yaml`.
struct Fixture {
    let values: ValueFactory
    let resources: ResourceCatalog
    var setup: [Step] = []
    /// Names the request itself creates (parameter name, value), deleted in tear-down.
    var created: [(String, String)] = []
    /// What the set-up makes, in order.
    private(set) var made: [(kind: ResourceKind, id: String)] = []
    /// The members made as readers: every member after a resource's first, which is its writer.
    private(set) var readers: [String] = []
    /// The resource each parameter was given (parameter name → identifier), for parameters that refer to it.
    var named: [String: String] = [:]
    /// The resource each member made belongs to (instance → its cluster).
    private(set) var parents: [String: String] = [:]
    /// The resources each resource made was given by its `{{Kind}}` values (an instance: its cluster).
    private(set) var related: [String: [ResourceKind: String]] = [:]
    /// The region each resource made outside the run's own lives in: its set-up and tear-down are signed for it.
    private(set) var regions: [String: SigningRegion] = [:]

    init(values: ValueFactory, resources: ResourceCatalog) {
        self.values = values
        self.resources = resources
    }

    /// The `named` key of the writer a `memberOf` parameter's set-up made before the member it names.
    static func writerKey(of parameter: String) -> String { parameter + "#writer" }

    /// The identifiers of what the set-up made of `kind`, in order.
    func identifiers(of kind: ResourceKind) -> [String] { made.filter { $0.kind == kind }.map(\.id) }

    /// Makes a resource of `kind` with its set-up create, first making what its `{{Kind}}` values need unless
    /// `related` gives it; nil when the spec does not say how to make one.
    /// - Parameters:
    ///   - protected: with deletion protection switched on.
    ///   - replicaOf: a resource of the same kind to make a read replica of.
    ///   - extra: parameters added to the create (a cluster made to use a subnet group).
    ///   - region: the region to make it in (and what it needs that `related` does not give), when not the run's.
    mutating func make(
        _ kind: ResourceKind, counter: inout Int, protected: Bool = false, related: [ResourceKind: String] = [:],
        replicaOf source: String? = nil, extra: [StepParameter] = [], region: SigningRegion? = nil
    ) -> String? {
        guard let lifecycle = resources.lifecycle(of: kind) else { return nil }
        var step = lifecycle.setup.create.adding(extra)
        var related = related
        for other in step.relatedKinds where related[other] == nil && other != kind {
            related[other] = make(other, counter: &counter, region: region)
        }
        if protected, let on = lifecycle.deletionProtection?.on { step = step.adding(on) }
        if let source, let replica = lifecycle.setup.readReplica {
            step = step.adding(replica)
            related[kind] = source
        }
        counter += 1
        let id = values.identifier(counter, tag: lifecycle.nameTag)
        setup.append(Step(Request(step, id: id, related: related), waitFor: step.waitFor, signingRegion: region))
        made.append((kind, id))
        self.related[id] = related
        if let region { regions[id] = region }
        if let parentKind = lifecycle.memberOf, let parent = related[parentKind] { parents[id] = parent }
        return id
    }

    /// Makes the resource `parameter` of `operation` names, and brings it where the operation's preconditions
    /// on that parameter need it: into an allowed state, with a writer and a reader, or as a read replica (then
    /// the replica is what the parameter names).
    mutating func make(
        _ kind: ResourceKind, for operation: OperationSpec, parameter: String, counter: inout Int,
        related: [ResourceKind: String] = [:]
    ) -> String? {
        guard let lifecycle = resources.lifecycle(of: kind), let id = make(kind, counter: &counter, related: related)
        else { return nil }
        for condition in operation.preconditions {
            let onSubject: Bool = {
                if case .readerOf(let cluster) = condition.kind {
                    cluster == parameter
                } else {
                    condition.parameter == parameter
                }
            }()
            guard onSubject else { continue }
            switch condition.kind {
            case .state(let allowed):
                guard let ready = lifecycle.readyState, !allowed.contains(ready),
                    let action = lifecycle.actions.first(where: { $0.reaches.map(allowed.contains) ?? false })
                else { break }
                apply(action, to: id)
            case .hasReader, .readerOf:
                // A writer and a reader (once, whichever precondition asks first).
                guard readers.isEmpty, let members = resources.members(of: kind) else { break }
                _ = make(members.kind, counter: &counter, related: [kind: id])
                if let reader = make(members.kind, counter: &counter, related: [kind: id]) { readers.append(reader) }
            case .isReadReplica:
                guard lifecycle.setup.readReplica != nil else { break }
                return make(kind, counter: &counter, replicaOf: id)
            default: break
            }
        }
        return id
    }

    /// Takes a resource a case's own steps create (a scenario's fresh name) into tear-down, as if set-up made it.
    mutating func adopt(_ kind: ResourceKind, _ id: String, region: SigningRegion?) {
        made.append((kind, id))
        if let region { regions[id] = region }
    }

    /// Brings the resource into the state `action` reaches.
    mutating func apply(_ action: ResourceLifecycle.Action, to id: String) {
        setup.append(Step(Request(action.step, id: id), waitFor: action.reaches))
    }

    /// For a resource of `kind`: the resources its set-up create names (`{{Kind}}`) that this fixture made already,
    /// the first of each kind (the cluster a request names, for instances the request lists as that cluster's).
    func madeRelations(of kind: ResourceKind) -> [ResourceKind: String] {
        guard let step = resources.lifecycle(of: kind)?.setup.create else { return [:] }
        var related: [ResourceKind: String] = [:]
        for other in step.relatedKinds where other != kind {
            if let id = identifiers(of: other).first { related[other] = id }
        }
        return related
    }

    /// Switches the resource's deletion protection off, waiting as the spec says.
    mutating func switchProtectionOff(of kind: ResourceKind, _ id: String) {
        guard let off = resources.lifecycle(of: kind)?.deletionProtection?.off else { return }
        setup.append(Step(Request(off, id: id), waitFor: off.waitFor))
    }

    /// Deletes everything the set-up and the request created, kind by kind in the order of `resources.yaml`
    /// and the newest first within a kind; each step may fail (already gone).
    func teardown(operation: OperationSpec, request: [Parameter]) -> [Step] {
        var steps: [Step] = []
        for lifecycle in resources.lifecycles {
            var ids = identifiers(of: lifecycle.kind)
            for (parameter, value) in created
            where resources.kind(named: parameter, in: operation) == lifecycle.kind && !ids.contains(value) {
                ids.append(value)
            }
            for id in ids.reversed() {
                steps += lifecycle.cleanup.map {
                    Step(Request($0, id: id), mayFail: true, signingRegion: regions[id])
                }
            }
        }
        return steps
    }
}
