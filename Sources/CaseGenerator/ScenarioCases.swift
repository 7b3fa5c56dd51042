import ConformanceSpec
import QueryProtocol

/// The cases of `scenarios.yaml`: one stateful case per scenario, whose set-up makes the scenario's resources
/// (through `resources.yaml`, each in its region) and sends its calls, whose request is the scenario's request, and
/// whose tear-down deletes everything it made or its calls created. Each scenario names its own resources.
struct ScenarioCases {
    let spec: ServiceSpec
    let prefix: String

    func all() -> [TestCase] {
        spec.scenarios.enumerated().compactMap { index, scenario in
            // A letter and a number: no operation's scope (a letter, or a number and a letter) is one.
            testCase(scenario, values: ValueFactory(prefix: prefix, scope: "s\(index)", resources: spec.resources))
        }
    }

    func testCase(_ scenario: Scenario, values: ValueFactory) -> TestCase? {
        var fixture = Fixture(values: values, resources: spec.resources)
        var counter = 0
        var ids: [String: String] = [:]
        for made in scenario.make {
            var related: [ResourceKind: String] = [:]
            for (kind, name) in made.related { related[kind] = ids[name] }
            guard
                let id = fixture.make(
                    made.kind, counter: &counter, related: related, region: made.inSecondRegion ? .second : nil)
            else { return nil }
            ids[made.name] = id
        }
        for fresh in scenario.fresh {
            counter += 1
            let id = values.identifier(counter, tag: spec.resources.lifecycle(of: fresh.kind)?.nameTag ?? "x")
            ids[fresh.name] = id
            fixture.adopt(fresh.kind, id, region: fresh.inSecondRegion ? .second : nil)
        }
        for call in scenario.calls {
            fixture.setup.append(
                Step(
                    Self.naming(call.request, ids), waitFor: call.waitFor,
                    signingRegion: call.inSecondRegion ? .second : nil))
        }
        let request = Self.naming(scenario.request.request, ids)
        let operation = request.operation
        let id = "\(operation)/stateful/scenario/\(scenario.name)"
        let expectation: Expectation
        switch scenario.outcome {
        case .success: expectation = .success(golden: id)
        case .error(let code):
            let known = spec.errors[code]
            expectation = .error(
                code: code, status: known?.httpStatus ?? 400, type: known?.type.rawValue ?? "Sender", inferred: false)
        }
        var testCase = TestCase(
            id: id, operation: operation, kind: .stateful,
            tags: [operation, "stateful", "scenario:\(scenario.name)"], covers: [scenario.item.text],
            summary: scenario.summary, setup: fixture.setup, request: request, expectation: expectation,
            teardown: spec.operation(named: operation).map { fixture.teardown(operation: $0, request: []) } ?? [])
        testCase.signingRegion = scenario.request.inSecondRegion ? .second : nil
        if !scenario.derived.isEmpty {
            testCase.derived = scenario.derived.map { derived in
                var value = derived.value
                for (name, id) in ids { value = value.replacingOccurrences(of: "{{\(name)}}", with: id) }
                return DerivedValue(element: derived.element, value: value)
            }
        }
        return testCase
    }

    /// The request with every `{{name}}` of its scalars replaced by the identifier the scenario gave that name.
    static func naming(_ request: Request, _ ids: [String: String]) -> Request {
        func fill(_ value: ParameterValue) -> ParameterValue {
            switch value {
            case .scalar(var text):
                for (name, id) in ids { text = text.replacingOccurrences(of: "{{\(name)}}", with: id) }
                return .scalar(text)
            case .list(let items): return .list(items.map(fill))
            case .structure(let members): return .structure(members.map { Parameter($0.name, fill($0.value)) })
            }
        }
        return Request(
            operation: request.operation, parameters: request.parameters.map { Parameter($0.name, fill($0.value)) })
    }
}
