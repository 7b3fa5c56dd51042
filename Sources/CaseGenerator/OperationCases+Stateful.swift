import ConformanceSpec
import QueryProtocol

extension OperationCases {
    mutating func statefulCases() -> [TestCase] {
        var cases: [TestCase] = []
        for condition in operation.preconditions {
            let expectation = error(condition.error, inferred: condition.inferred)
            let covers = [SpecItemID.precondition(name, condition.keyword, condition.parameter).text]
            let tags = ["precondition:\(condition.keyword)"]
            switch condition.kind {
            case .exists(let resource):
                var base = baseline()
                counter += 1
                let missing = values.identifier(counter, tag: "missing")
                let isList = if case .list? = operation.parameter(at: condition.parameter)?.type { true } else { false }
                base.parameters = base.parameters.setting(
                    condition.parameter, isList ? .list([.scalar(missing)]) : .scalar(missing))
                // A kind picked by another parameter's value (an event subscription's SourceType): the value naming
                // this kind.
                if let selector = condition.kindFrom,
                    let picked = selector.kinds.keys.sorted().first(where: { selector.kinds[$0] == resource })
                {
                    base.parameters = base.parameters.setting(selector.parameter, .scalar(picked))
                }
                cases.append(
                    makeCase(
                        "\(condition.parameter)/\(resource.rawValue)-not-found", kind: .stateful, tags: tags,
                        covers: covers,
                        summary: "\(condition.parameter) names a \(resource.rawValue) that does not exist",
                        parameters: base.parameters, fixture: base.fixture, expectation: expectation))
            case .absent(let resource):
                // Each variant gets its own fixture, so the cases can run at the same time.
                for (suffix, summary, transform) in [
                    ("already-exists", "names a \(resource.rawValue) that already exists", { (id: String) in id }),
                    (
                        "already-exists-other-case",
                        "names an existing cluster in upper case (identifiers compare lower-cased)",
                        { (id: String) in id.uppercased() }
                    ),
                ] where suffix == "already-exists" || operation.parameter(at: condition.parameter)?.lowercased == true {
                    var base = baseline()
                    guard let existing = base.fixture.make(resource, counter: &counter) else { continue }
                    base.fixture.created.removeAll { $0.0 == condition.parameter }
                    let parameters = withRequiredSiblings(
                        base.parameters.setting(condition.parameter, .scalar(transform(existing))),
                        path: condition.parameter)
                    cases.append(
                        makeCase(
                            "\(condition.parameter)/\(resource.rawValue)-\(suffix)", kind: .stateful, tags: tags,
                            covers: covers,
                            summary: "\(condition.parameter) \(summary)", parameters: parameters, fixture: base.fixture,
                            expectation: expectation))
                }
            case .state(let allowed):
                // A fresh resource is in its ready state; when that is allowed, an action brings it into one that is not.
                var fixture = emptyFixture()
                guard let kind = spec.resources.kind(named: condition.parameter, in: operation),
                    let lifecycle = spec.resources.lifecycle(of: kind),
                    var state = lifecycle.readyState, let id = fixture.make(kind, counter: &counter)
                else { continue }
                if allowed.contains(state) {
                    if let action = lifecycle.actions.first(where: {
                        $0.reaches.map { !allowed.contains($0) } ?? false
                    }) {
                        fixture.apply(action, to: id)
                        state = action.reaches ?? state
                    } else if let (action, parent) = sharedStateAction(
                        lifecycle, of: id, in: fixture, avoiding: allowed)
                    {
                        // A member takes the state its parent reaches (an instance of a stopped cluster is stopped).
                        fixture.apply(action, to: parent)
                        state = action.reaches ?? state
                    } else {
                        continue
                    }
                }
                var base = baseline()
                base.fixture = fixture
                cases.append(
                    makeCase(
                        "\(condition.parameter)/in-state-\(state)", kind: .stateful, tags: tags, covers: covers,
                        summary: "the cluster is \(state); the operation needs \(allowed.joined(separator: " or "))",
                        parameters: base.parameters.setting(condition.parameter, .scalar(id)), fixture: fixture,
                        expectation: expectation))
            case .notDeletionProtected:
                var fixture = emptyFixture()
                guard let kind = spec.resources.kind(named: condition.parameter, in: operation),
                    let id = fixture.make(kind, counter: &counter, protected: true)
                else { continue }
                var base = baseline()
                let parameters = base.parameters.setting(condition.parameter, .scalar(id))
                cases.append(
                    makeCase(
                        "deletion-protection/refused", kind: .stateful, tags: tags, covers: covers,
                        summary: "delete a deletion-protected cluster", parameters: parameters, fixture: fixture,
                        expectation: expectation))
                fixture = emptyFixture()
                guard let second = fixture.make(kind, counter: &counter, protected: true) else { continue }
                fixture.switchProtectionOff(of: kind, second)
                base.fixture = fixture
                cases.append(
                    makeCase(
                        "deletion-protection/switched-off-then-deleted", kind: .stateful, tags: tags, covers: covers,
                        summary: "switch deletion protection off, then the delete succeeds",
                        parameters: base.parameters.setting(condition.parameter, .scalar(second)), fixture: fixture))
            case .restorableTime:
                // A time far after any cluster's latest restorable time; what the rules forbid beside it goes.
                var base = baseline()
                base.parameters = base.parameters.removingExclusivePartners(of: condition.parameter, in: operation)
                    .setting(condition.parameter, .scalar("2999-01-01T00:00:00Z"))
                cases.append(
                    makeCase(
                        "\(condition.parameter)/after-latest-restorable", kind: .stateful, tags: tags, covers: covers,
                        summary:
                            "\(condition.parameter) lies after the source cluster's latest restorable time (in 2999)",
                        parameters: base.parameters, fixture: base.fixture, expectation: expectation))
            case .hasNoInstances:
                var fixture = emptyFixture()
                guard let kind = spec.resources.kind(named: condition.parameter, in: operation),
                    let members = spec.resources.members(of: kind),
                    let id = fixture.make(kind, counter: &counter)
                else { continue }
                _ = fixture.make(members.kind, counter: &counter, related: [kind: id])
                var base = baseline()
                base.fixture = fixture
                cases.append(
                    makeCase(
                        "\(condition.parameter)/has-instances", kind: .stateful, tags: tags, covers: covers,
                        summary: "the cluster still has a DB instance",
                        parameters: base.parameters.setting(condition.parameter, .scalar(id)), fixture: fixture,
                        expectation: expectation))
            case .readerOf(let cluster):
                // The baseline's cluster has a writer and a reader: name the writer.
                var base = baseline()
                guard let kind = spec.resources.kind(named: cluster, in: operation),
                    let members = spec.resources.members(of: kind),
                    let writer = base.fixture.identifiers(of: members.kind).first(where: {
                        !base.fixture.readers.contains($0)
                    })
                else { continue }
                base.parameters = base.parameters.setting(condition.parameter, .scalar(writer))
                cases.append(
                    makeCase(
                        "\(condition.parameter)/is-the-writer", kind: .stateful, tags: tags, covers: covers,
                        summary: "\(condition.parameter) names the cluster's writer; it must name one of its readers",
                        parameters: base.parameters, fixture: base.fixture, expectation: expectation))
            case .orderable, .serverlessScaling:
                // A class the catalogue retired, an unknown one, or the serverless class in a cluster without a range.
                let catalogue = spec.instanceClasses
                let serverless: Bool = {
                    if case .serverlessScaling = condition.kind { true } else { false }
                }()
                let classes: [(String, String)] =
                    serverless
                    ? catalogue.serverlessClass.map { [("serverless-without-range", $0)] } ?? []
                    : (catalogue.retiredClass.map { [("retired-class", $0)] } ?? []) + [("unknown-class", "db.z9.huge")]
                for (label, instanceClass) in classes {
                    var base = baseline()
                    base.parameters = base.parameters.setting(condition.parameter, .scalar(instanceClass))
                    cases.append(
                        makeCase(
                            "\(condition.parameter)/\(label)", kind: .stateful, tags: tags, covers: covers,
                            summary:
                                "\(condition.parameter) \(instanceClass): \(label.replacingOccurrences(of: "-", with: " "))",
                            parameters: base.parameters, fixture: base.fixture, expectation: expectation))
                }
            case .namesResource, .spansZones, .associated, .notAssociated, .notInUse, .memberOf:
                cases += referenceCases(condition, covers: covers, tags: tags, expectation: expectation)
            case .notDefault(let kind):
                // The service's own group, which exists in every region without a set-up.
                guard let name = spec.resources.lifecycle(of: kind)?.serviceDefault else { continue }
                let base = baseline()
                cases.append(
                    makeCase(
                        "\(condition.parameter)/default-\(kind.rawValue)", kind: .stateful, tags: tags, covers: covers,
                        summary: "\(condition.parameter) names the default \(kind.rawValue) \(name)",
                        parameters: base.parameters.setting(condition.parameter, .scalar(name)), fixture: base.fixture,
                        expectation: expectation))
            case .hasReader, .isReadReplica:
                var fixture = emptyFixture()
                guard let kind = spec.resources.kind(named: condition.parameter, in: operation),
                    let id = fixture.make(kind, counter: &counter)
                else { continue }
                let base = baseline()
                let what = condition.kind == .hasReader ? "has no reader instance" : "is not a read replica"
                cases.append(
                    makeCase(
                        "\(condition.parameter)/\(condition.kind == .hasReader ? "no-reader" : "not-a-replica")",
                        kind: .stateful,
                        tags: tags, covers: covers, summary: "the cluster \(what)",
                        parameters: base.parameters.setting(condition.parameter, .scalar(id)), fixture: fixture,
                        expectation: expectation))
            }
        }
        cases += modifyThenDescribeScenario()
        cases += renameScenarios()
        return cases
    }

    /// The parent's action that brings a member of `lifecycle` into a state outside `allowed`, when the member shares
    /// that state (`sharesStates`), with the parent the fixture made it in.
    func sharedStateAction(
        _ lifecycle: ResourceLifecycle, of id: String, in fixture: Fixture, avoiding allowed: [String]
    ) -> (ResourceLifecycle.Action, String)? {
        guard let parentKind = lifecycle.memberOf, let parent = fixture.parents[id],
            let parentLifecycle = spec.resources.lifecycle(of: parentKind),
            let action = parentLifecycle.actions.first(where: { action in
                action.reaches.map { lifecycle.sharesStates.contains($0) && !allowed.contains($0) } ?? false
            })
        else { return nil }
        return (action, parent)
    }

    /// For the operation that modifies a kind, when it sets a serverless scaling range: the range shows in the
    /// kind's describe answer afterwards. Emulators often accept the range and forget it.
    mutating func modifyThenDescribeScenario() -> [TestCase] {
        let scaling = "ServerlessV2ScalingConfiguration"
        guard let lifecycle = spec.resources.lifecycle(modifiedBy: name), let modify = lifecycle.modify,
            operation.parameter(at: scaling) != nil
        else { return [] }
        var fixture = emptyFixture()
        guard let id = fixture.make(lifecycle.kind, counter: &counter) else { return [] }
        var change = Request(modify, id: id)
        change.parameters.append(
            Parameter(
                scaling,
                .structure([Parameter("MinCapacity", .scalar("2.0")), Parameter("MaxCapacity", .scalar("16.5"))])))
        fixture.setup.append(Step(change, waitFor: modify.waitFor))
        let describe = lifecycle.describe.operation
        let request = [Parameter(lifecycle.describe.identifier, .scalar(id))]
        let caseID = "\(describe)/stateful/serverless-range-after-modify"
        return [
            TestCase(
                id: caseID, operation: describe, kind: .stateful,
                tags: [describe, "stateful", "scenario:modify-then-describe"],
                covers: [SpecItemID.requestMember(name, scaling).text],
                summary: "a scaling range set with \(name) shows in \(describe)", setup: fixture.setup,
                request: Request(operation: describe, parameters: request), expectation: .success(golden: caseID),
                teardown: fixture.teardown(operation: operation, request: request))
        ]
    }

    /// For a parameter that `renames` a resource: after the rename, the kind's describe knows it by its new
    /// identifier only (the old one draws the not-found code). Emulators often keep answering to both.
    mutating func renameScenarios() -> [TestCase] {
        var cases: [TestCase] = []
        for member in operation.parameters.members {
            guard let renamed = member.renames,
                let kind = operation.preconditions.lazy.compactMap({ condition -> ResourceKind? in
                    if condition.parameter == renamed, case .exists(let kind) = condition.kind { kind } else { nil }
                }).first,
                let lifecycle = spec.resources.lifecycle(of: kind), let modify = lifecycle.modify,
                modify.operation == name,
                spec.operation(named: lifecycle.describe.operation) != nil
            else { continue }
            let describe = lifecycle.describe
            for (suffix, asksForOld) in [("renamed-cluster-by-old-name", true), ("renamed-cluster-by-new-name", false)]
            {
                var fixture = emptyFixture()
                guard let old = fixture.make(kind, counter: &counter) else { continue }
                counter += 1
                let new = values.identifier(counter, tag: "r")
                let rename = ResourceStep(
                    operation: name, identifier: renamed,
                    parameters: [StepParameter(name: member.name, value: .literal(new))] + modify.parameters)
                fixture.setup.append(Step(Request(rename, id: old), waitFor: modify.waitFor))
                fixture.created.append((member.name, new))
                let request = [Parameter(describe.identifier, .scalar(asksForOld ? old : new))]
                let caseID = "\(describe.operation)/stateful/\(suffix)"
                cases.append(
                    TestCase(
                        id: caseID, operation: describe.operation, kind: .stateful,
                        tags: [describe.operation, "stateful", "scenario:rename-then-describe"],
                        covers: [SpecItemID.requestMember(name, member.name).text],
                        summary: asksForOld
                            ? "after \(name) renames a cluster, its old identifier names nothing"
                            : "after \(name) renames a cluster, it answers to its new identifier",
                        setup: fixture.setup, request: Request(operation: describe.operation, parameters: request),
                        expectation: asksForOld
                            ? describe.notFound.map { error($0, inferred: false) } ?? .success(golden: caseID)
                            : .success(golden: caseID),
                        teardown: fixture.teardown(operation: operation, request: request)))
            }
        }
        return cases
    }
}
