import CaseGenerator
import ConformanceSpec
import QueryProtocol
import Testing

/// The generator's set-up and tear-down come from `resources.yaml`: change a lifecycle in the spec and the
/// generated steps change with it, for every case.
@Suite struct LifecycleSetUpTests {
    @Test func setUpAndTearDownFollowTheResourcesFile() throws {
        var spec = GeneratorFixtures.spec
        let index = try #require(spec.resources.lifecycles.firstIndex { $0.kind == .dbCluster })
        spec.resources.lifecycles[index].nameTag = "k"
        spec.resources.lifecycles[index].setup.create.parameters.append(
            StepParameter(name: "Port", value: .literal("8183")))
        spec.resources.lifecycles[index].delete.parameters.append(StepParameter(name: "Note", value: .literal("x")))
        let cluster = spec.resources.lifecycles[index]
        // A scenario's calls are its own requests (scenarios.yaml), not set-up creates from resources.yaml.
        let cases = CaseGenerator(spec: spec, seed: 7).generate().filter { !$0.id.contains("/stateful/scenario/") }
        let creates = cases.flatMap(\.setup).filter { $0.request.operation == cluster.setup.create.operation }
        #expect(creates.count > 50)
        for step in creates {
            guard case .scalar(let id)? = step.request.value(at: cluster.setup.create.identifier) else {
                Issue.record("a set-up create without an identifier")
                continue
            }
            #expect(step.request.value(at: "Port") == .scalar("8183"))
            #expect(id.range(of: #"-([0-9]?[a-z]|s[0-9]+)k\d+$"#, options: .regularExpression) != nil, "\(id)")
        }
        let deletes = cases.flatMap(\.teardown).filter { $0.request.operation == cluster.delete.operation }
        #expect(deletes.count > 50)
        #expect(deletes.allSatisfy { $0.mayFail && $0.request.parameters.last == Parameter("Note", .scalar("x")) })
        // Every case still deletes whatever its set-up made.
        for testCase in cases {
            let made = Set(
                creates.filter { testCase.setup.contains($0) }.compactMap { step -> String? in
                    if case .scalar(let id)? = step.request.value(at: cluster.setup.create.identifier) {
                        id
                    } else {
                        nil
                    }
                })
            let deleted = Set(
                testCase.teardown.compactMap { step -> String? in
                    guard step.request.operation == cluster.delete.operation,
                        case .scalar(let id)? = step.request.value(at: cluster.delete.identifier)
                    else { return nil }
                    return id
                })
            #expect(made.isSubset(of: deleted), "\(testCase.id) leaves \(made.subtracting(deleted).sorted())")
        }
    }

    @Test func withoutLifecyclesNoCaseNeedsSetUp() {
        var spec = GeneratorFixtures.spec
        spec.resources = ResourceCatalog()
        let cases = CaseGenerator(spec: spec, seed: 7).generate()
        #expect(cases.allSatisfy { $0.setup.isEmpty && $0.teardown.isEmpty })
        // Without a probe there is no harmless request for the protocol and signature families.
        #expect(!cases.contains { $0.kind == .protocol || $0.kind == .signature })
    }
}
