import ConformanceSpec
import QueryProtocol

extension OperationCases {
    /// For each documented filter (`filters:`) and each member it matches: two resources made by the set-up, and
    /// a request filtering by the first one's value of that member. A member that names the resource (its
    /// identifier, or a describe-only member such as its ARN, asked of the endpoint at run time) must list the
    /// first and leave out the second; so must a member holding the resource the set-up made it with, for a filter
    /// whose values name that kind (`names:`, an instance's cluster); a member the set-up gave both the same value
    /// (their engine) must list both.
    mutating func filterCases() -> [TestCase] {
        guard case .resources(let kind)? = spec.pagedListKind(of: operation), let paging = operation.paging,
            let lifecycle = spec.resources.lifecycle(of: kind)
        else { return [] }
        var cases: [TestCase] = []
        // A filter with a vocabulary selects by a value the set-up's resources do not fix: no case yet.
        for filter in operation.filters where filter.values == nil {
            for member in filter.matches {
                var fixture = emptyFixture()
                guard let first = fixture.make(lifecycle.kind, counter: &counter),
                    let second = fixture.make(lifecycle.kind, counter: &counter)
                else { continue }
                let value: String
                var includes = [first]
                var excludes = [second]
                if member == lifecycle.describe.identifier {
                    value = first
                } else if lifecycle.describe.runtimeMembers.contains(member) {
                    value = RuntimeValue.describedMember(member: member, resource: first, suffix: "").token
                } else if let kind = filter.names,
                    case .identifierOf(kind)? = lifecycle.setup.create.parameters.first(where: { $0.name == member })?
                        .value,
                    let owner = fixture.related[first]?[kind]
                {
                    value = owner
                } else if case .literal(let shared)? = lifecycle.setup.create.parameters.first(where: {
                    $0.name == member
                })?.value {
                    value = shared
                    includes = [first, second]
                    excludes = []
                } else {
                    continue
                }
                let walk = PageWalk(
                    limit: nil, token: paging.token, items: paging.items, key: paging.key, includes: includes,
                    excludes: excludes)
                let request = [
                    Parameter(
                        "Filters",
                        .list([
                            .structure([
                                Parameter("Name", .scalar(filter.name)), Parameter("Values", .list([.scalar(value)])),
                            ])
                        ]))
                ]
                let narrows = excludes.isEmpty ? "lists both resources" : "lists the first and not the second"
                cases.append(
                    makeCase(
                        "filter/\(filter.name)/by-\(member)", kind: .stateful, tags: ["filter"],
                        covers: [filter.item(operation: name).text],
                        summary: "filter \(filter.name) by the \(member) of one of two new resources \(narrows)",
                        parameters: request, fixture: fixture, expectation: .pages(walk: walk)))
            }
        }
        // A filter with a vocabulary refuses a value outside it (its `error`).
        for filter in operation.filters {
            guard let vocabulary = filter.values, let code = filter.error, let first = vocabulary.first else {
                continue
            }
            let request = [
                Parameter(
                    "Filters",
                    .list([
                        .structure([
                            Parameter("Name", .scalar(filter.name)),
                            Parameter("Values", .list([.scalar("not-\(first)")])),
                        ])
                    ]))
            ]
            cases.append(
                makeCase(
                    "filter/\(filter.name)/unknown-value", kind: .invalid, tags: ["filter", "constraint:values"],
                    covers: [filter.item(operation: name).text],
                    summary: "filter \(filter.name) by a value outside \(vocabulary.joined(separator: ", "))",
                    parameters: request, fixture: emptyFixture(),
                    expectation: error(code, inferred: filter.errorInferred)))
        }
        return cases
    }
}
