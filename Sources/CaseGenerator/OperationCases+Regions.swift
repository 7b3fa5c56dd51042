import ConformanceSpec
import QueryProtocol

extension OperationCases {
    /// For the operation that describes a resource kind (`resources.yaml`): two cases signed for a second region,
    /// asking whether regions share nothing. One makes a resource in the run's region and looks for it from the
    /// second (the kind's not-found error must come); the other makes one in the second region and reads it there
    /// (every region the answer names, in ARNs, endpoints and Availability Zones, must be the second). They run only
    /// where the endpoint serves both regions on one URL (`ConformanceRun` asks it first).
    /// A kind that is not regional (`regional: false`: every region lists the same ones) has none.
    mutating func regionCases() -> [TestCase] {
        guard let lifecycle = spec.resources.lifecycle(lookingUp: operation), lifecycle.regional else { return [] }
        let item = SpecItemID.rule(name, "region").text
        var cases: [TestCase] = []

        var home = emptyFixture()
        if let id = home.make(lifecycle.kind, counter: &counter) {
            // A describe whose unknown identifier lists nothing (no `notFound`) answers an empty list (its golden).
            let notFound = lifecycle.describe.notFound
            var isolated = makeCase(
                "region/other-region-sees-none", kind: .stateful, tags: ["region"], covers: [item],
                summary:
                    "a \(lifecycle.kind.rawValue) made in the run's region, asked for from a second region: \(notFound ?? "an empty list")",
                parameters: [Parameter(lifecycle.describe.identifier, .scalar(id))], fixture: home,
                expectation: notFound.map { error($0, inferred: false) })
            isolated.signingRegion = .second
            cases.append(isolated)
        }

        var away = emptyFixture()
        if let id = away.make(lifecycle.kind, counter: &counter) {
            var named = makeCase(
                "region/answers-in-signing-region", kind: .stateful, tags: ["region"], covers: [item],
                summary:
                    "a \(lifecycle.kind.rawValue) made and described in a second region: every region its answer names is that one",
                parameters: [Parameter(lifecycle.describe.identifier, .scalar(id))], fixture: away,
                expectation: .anySuccess(source: "AWS General Reference, regions and endpoints: resources are regional")
            )
            named.signingRegion = .second
            for index in named.setup.indices { named.setup[index].signingRegion = .second }
            for index in named.teardown.indices { named.teardown[index].signingRegion = .second }
            cases.append(named)
        }
        return cases
    }
}
