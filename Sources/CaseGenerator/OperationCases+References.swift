import ConformanceSpec
import QueryProtocol

/// Stateful cases of preconditions on what a value refers to: an ARN that names a resource, subnets that span
/// zones, a value associated (or not yet) with a resource, and a resource another one still uses.
extension OperationCases {
    mutating func referenceCases(
        _ condition: Precondition, covers: [String], tags: [String], expectation: Expectation
    ) -> [TestCase] {
        let path = condition.parameter
        switch condition.kind {
        case .namesResource(let named):
            // For every kind with an ARN (only the named one with `only: true`): the ARN of one made in set-up, with
            // its identifier lengthened so that it names nothing (the endpoint's own region and account); and an ARN
            // with a slash before the identifier.
            var cases: [TestCase] = []
            for lifecycle in spec.resources.lifecycles where !condition.namedKindOnly || lifecycle.kind == named {
                guard let arn = lifecycle.arn else { continue }
                var base = baseline()
                guard let id = base.fixture.make(lifecycle.kind, counter: &counter),
                    let token = arnToken(of: lifecycle.kind, id, suffix: "x")
                else { continue }
                cases.append(
                    makeCase(
                        "\(path)/\(lifecycle.kind.rawValue)-not-found", kind: .stateful, tags: tags, covers: covers,
                        summary:
                            "\(path) is the ARN (type \(arn.type)) of a \(lifecycle.kind.rawValue) that does not exist",
                        parameters: base.parameters.setting(path, .scalar(token)), fixture: base.fixture,
                        expectation: condition.missing.map { error($0, inferred: false) }
                            ?? error(arn.notFound, inferred: arn.inferred)))
            }
            let base = baseline()
            if let first = spec.resources.lifecycles.first(where: { $0.arn != nil }), let arn = first.arn {
                counter += 1
                let slashed =
                    "arn:aws:rds:us-east-1:123456789012:\(arn.type)/\(values.identifier(counter, tag: "missing"))"
                cases.append(
                    makeCase(
                        "\(path)/slash-form-arn", kind: .stateful, tags: tags, covers: covers,
                        summary: "\(path) has a slash, not a colon, before the identifier",
                        parameters: base.parameters.setting(path, .scalar(slashed)), fixture: base.fixture,
                        expectation: expectation))
            }
            return cases
        case .spansZones:
            var base = baseline()
            guard case .list(let items)? = base.parameters.first(where: { $0.name == path })?.value,
                let first = items.first
            else { return [] }
            base.parameters = base.parameters.setting(path, .list([first]))
            return [
                makeCase(
                    "\(path)/one-zone", kind: .stateful, tags: tags, covers: covers,
                    summary: "\(path) lists one subnet, so one availability zone", parameters: base.parameters,
                    fixture: base.fixture, expectation: expectation)
            ]
        case .associated:
            // The baseline's set-up associates the value; a fresh resource has nothing associated.
            var base = baseline()
            base.fixture.setup.removeAll { $0.request.operation != operation.name && isAssociation($0) }
            return [
                makeCase(
                    "\(path)/not-associated", kind: .stateful, tags: tags, covers: covers,
                    summary: "\(path) is not associated with the resource", parameters: base.parameters,
                    fixture: base.fixture, expectation: expectation)
            ]
        case .notAssociated(let with):
            // The same request in set-up first, so the value is already associated (with a resource set-up made).
            var base = baseline()
            guard base.fixture.named[with] != nil else { return [] }
            base.fixture.setup.append(Step(Request(operation: name, parameters: base.parameters)))
            return [
                makeCase(
                    "\(path)/already-associated", kind: .stateful, tags: tags, covers: covers,
                    summary: "\(path) is associated already (the same request twice)", parameters: base.parameters,
                    fixture: base.fixture, expectation: expectation)
            ]
        case .notInUse(let kind):
            var base = baseline()
            guard let usedBy = spec.resources.lifecycle(of: kind)?.usedBy,
                let id = base.fixture.named[path] ?? base.fixture.make(kind, counter: &counter),
                base.fixture.make(
                    usedBy.kind, counter: &counter, extra: [StepParameter(name: usedBy.parameter, value: .literal(id))])
                    != nil
            else { return [] }
            return [
                makeCase(
                    "\(path)/in-use", kind: .stateful, tags: tags, covers: covers,
                    summary: "a \(usedBy.kind.rawValue) still uses the \(kind.rawValue)",
                    parameters: base.parameters.setting(path, .scalar(id)), fixture: base.fixture,
                    expectation: expectation)
            ]
        case .memberOf(let owner, let writerError):
            return membershipCases(condition, owner: owner, writerError: writerError, covers: covers, tags: tags)
        default:
            return []
        }
    }

    /// A `memberOf` parameter naming a resource that is no member (made on its own), and, when the writer is refused,
    /// the writer the baseline's set-up made first.
    mutating func membershipCases(
        _ condition: Precondition, owner: String, writerError: String?, covers: [String], tags: [String]
    ) -> [TestCase] {
        let path = condition.parameter
        var cases: [TestCase] = []
        var base = baseline()
        guard let ownerKind = spec.resources.kind(named: owner, in: operation),
            let usedBy = spec.resources.lifecycle(of: ownerKind)?.usedBy,
            let loose = base.fixture.make(usedBy.kind, counter: &counter),
            let token = arnToken(of: usedBy.kind, loose)
        else { return [] }
        cases.append(
            makeCase(
                "\(path)/not-a-member", kind: .stateful, tags: tags, covers: covers,
                summary:
                    "\(path) is the ARN of a \(usedBy.kind.rawValue) that is no member of the \(ownerKind.rawValue)",
                parameters: base.parameters.setting(path, .scalar(token)), fixture: base.fixture,
                expectation: error(condition.error, inferred: condition.inferred)))
        let writerBase = baseline()
        if let writerError, let writer = writerBase.fixture.named[Fixture.writerKey(of: path)],
            let writerToken = arnToken(of: usedBy.kind, writer)
        {
            cases.append(
                makeCase(
                    "\(path)/is-the-writer", kind: .stateful, tags: tags, covers: covers,
                    summary: "\(path) is the ARN of the \(ownerKind.rawValue)'s writer, its first member",
                    parameters: writerBase.parameters.setting(path, .scalar(writerToken)), fixture: writerBase.fixture,
                    expectation: error(writerError, inferred: condition.inferred)))
        }
        return cases
    }

    /// True for a set-up step an `associated` precondition of this operation added.
    func isAssociation(_ step: Step) -> Bool {
        operation.preconditions.contains { condition in
            if case .associated(_, let by) = condition.kind { return step.request.operation == by }
            return false
        }
    }
}
