import CaseGenerator
import ConformanceSpec
import QueryProtocol
import Testing

/// Valid requests and set-up steps send only what the real service would accept: a value of one of its
/// catalogues (an engine version) only as a run-time token the runner asks the endpoint for, and a parameter
/// naming an existing resource only with a resource the case's own set-up made (or a run-time value read from
/// one). A request the real service refuses for its values would be reported as the service's departure.
struct RealisticValues {
    let spec: ServiceSpec

    /// What is unrealistic in `testCase`: its set-up steps always, its request when it expects a success.
    func problems(in testCase: TestCase) -> [String] {
        var made: Set<String> = []
        var problems: [String] = []
        for (index, step) in testCase.setup.enumerated() {
            problems += check(step.request, made: &made).map { "set-up step \(index + 1): \($0)" }
        }
        switch testCase.expectation {
        case .success, .anySuccess, .pages: problems += check(testCase.request, made: &made)
        case .error, .anyClientError: break
        }
        return problems
    }

    func check(_ request: Request, made: inout Set<String>) -> [String] {
        let created = spec.resources.creations(by: request.operation)
        guard let operation = spec.operation(named: request.operation) else {
            // A helper operation of set-up (resources.yaml): what it creates is made from here on.
            for parameter in request.parameters where created.contains(where: { $0.parameter == parameter.name }) {
                if case .scalar(let value) = parameter.value { made.insert(value.lowercased()) }
            }
            return []
        }
        // The values of catalogues a constraint judges by (engine versions); a family is also written as a literal
        // where a `oneOf` lists it (a new parameter group's family).
        let judged = Set(
            spec.operations.flatMap(\.parameters.members).flatMap(\.constraints).compactMap { constraint -> String? in
                if case .catalogue(let name, _) = constraint.kind { name } else { nil }
            })
        let catalogued = Set(spec.catalogues.values.filter { judged.contains($0.name) }.flatMap(\.values))
        var problems: [String] = []
        var newNames: [String] = []
        for parameter in request.parameters {
            guard case .scalar(let value) = parameter.value else { continue }
            let member = operation.parameter(at: parameter.name)
            let isToken = RuntimeValue(token: value) != nil
            if let member, member.constraints.contains(where: { $0.keyword == "catalogue" }), !isToken {
                problems.append("\(parameter.name)=\(value) is a catalogue value not asked of the endpoint")
            } else if catalogued.contains(value) {
                problems.append("\(parameter.name)=\(value) is a catalogue value written into the case")
            }
            guard let kind = spec.resources.kind(named: parameter.name, in: operation), !isToken else { continue }
            let names =
                created.contains { $0.kind == kind && $0.parameter == parameter.name }
                || member?.renames != nil
                || operation.preconditions.contains {
                    if case .absent = $0.kind { $0.parameter == parameter.name } else { false }
                }
            if names {
                newNames.append(value.lowercased())
            } else if !made.contains(value.lowercased()) {
                problems.append("\(parameter.name)=\(value) names a \(kind.rawValue) the case's set-up did not make")
            }
        }
        made.formUnion(newNames)
        return problems
    }
}

@Suite struct RealisticValuesTests {
    let spec = GeneratorFixtures.spec
    let cases = GeneratorFixtures.cases

    @Test func everyValidRequestAndSetUpStepIsRealistic() {
        let checker = RealisticValues(spec: spec)
        var checked = 0
        for testCase in cases {
            let problems = checker.problems(in: testCase)
            #expect(problems.isEmpty, "\(testCase.id): \(problems.joined(separator: "; "))")
            checked += 1
        }
        #expect(checked == cases.count)
        // The run-time catalogue value is what the full valid requests with an engine version send.
        let tokens = cases.filter { $0.kind == .valid }.flatMap(\.request.runtimeValues).filter {
            if case .catalogue = $0 { true } else { false }
        }
        #expect(!tokens.isEmpty, "no valid case asks the endpoint for a catalogue value")
    }

    @Test func noValidRequestOrSetUpStepCarriesAPlaceholder() {
        let found = CaseGenerator.placeholders(in: cases)
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }

    @Test func aPlaceholderIsFoundWithItsLocation() throws {
        var spoiled = try #require(cases.first { $0.id == "ModifyDBInstance/valid/full" })
        spoiled.request.parameters = spoiled.request.parameters.map {
            $0.name == "StorageType" ? Parameter("StorageType", .scalar("value1")) : $0
        }
        #expect(
            CaseGenerator.placeholders(in: [spoiled]) == [
                "ModifyDBInstance/valid/full: request ModifyDBInstance StorageType=value1"
            ])
    }

    /// Every account resource a case names is one the runner knows how to find or be given.
    @Test func accountTokensNameResourcesTheRunnerFinds() {
        let names = Set(
            cases.flatMap { testCase in
                (testCase.setup.map(\.request) + [testCase.request]).flatMap(\.runtimeValues).compactMap { value in
                    if case .account(let name) = value { name } else { nil }
                }
            })
        #expect(names == ["SubnetId.1", "SubnetId.2", "IAMRoleArn", "SnsTopicArn"])
    }

    @Test func aCatalogueValueWrittenIntoACaseIsCaught() throws {
        let checker = RealisticValues(spec: spec)
        var spoiled = try #require(cases.first { $0.id == "CreateDBCluster/valid/full" })
        let version = try #require(spec.catalogues["EngineVersion"]?.values.first)
        spoiled.request.parameters = spoiled.request.parameters.map {
            $0.name == "EngineVersion" ? Parameter("EngineVersion", .scalar(version)) : $0
        }
        #expect(checker.problems(in: spoiled).contains { $0.hasPrefix("EngineVersion=\(version)") })
    }

    @Test func aResourceTheSetUpDidNotMakeIsCaught() throws {
        let checker = RealisticValues(spec: spec)
        var spoiled = try #require(cases.first { $0.id == "StopDBCluster/valid/minimal" })
        spoiled.request.parameters = [Parameter("DBClusterIdentifier", .scalar("someone-elses-cluster"))]
        #expect(
            checker.problems(in: spoiled) == [
                "DBClusterIdentifier=someone-elses-cluster names a DBCluster the case's set-up did not make"
            ])
    }
}
