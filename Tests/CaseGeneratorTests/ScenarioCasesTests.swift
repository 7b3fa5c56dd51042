import CaseGenerator
import ConformanceSpec
import QueryProtocol
import Testing

/// `scenarios.yaml` becomes one stateful case per scenario: set-up makes its resources in their regions and sends its
/// calls with the names filled in, tear-down deletes what it made and what its calls created, and coverage lists it.
@Suite struct ScenarioCasesTests {
    static let spec = GeneratorFixtures.spec
    static let cases = GeneratorFixtures.cases

    @Test(arguments: spec.scenarios.map(\.name))
    func everyScenarioIsOneStatefulCase(_ name: String) throws {
        let scenario = try #require(Self.spec.scenarios.first { $0.name == name })
        let matching = Self.cases.filter { $0.covers.contains(scenario.item.text) }
        let testCase = try #require(matching.first)
        #expect(matching.count == 1)
        #expect(testCase.id == "\(scenario.request.request.operation)/stateful/scenario/\(name)")
        #expect(testCase.kind == .stateful)
        // No name is left unfilled, and every call follows the resources set-up makes.
        let texts = ([testCase.request] + testCase.setup.map(\.request)).flatMap { Array($0.flattenedInputs.values) }
        #expect(texts.allSatisfy { Scenario.references(in: $0).isEmpty }, "\(texts)")
        let calls = testCase.setup.suffix(scenario.calls.count).map(\.request.operation)
        #expect(calls == scenario.calls.map(\.request.operation))
        #expect((testCase.signingRegion == .second) == scenario.request.inSecondRegion)
    }

    @Test func aFreshResourceIsDeletedInItsRegionAndTheCaseNeedsBothRegions() throws {
        let testCase = try #require(
            Self.cases.first {
                $0.id == "DescribeDBClusterSnapshots/stateful/scenario/snapshot-in-the-region-of-its-cluster"
            })
        #expect(testCase.usesSecondRegion)
        #expect(testCase.setup.allSatisfy { $0.signingRegion == .second })
        #expect(!testCase.teardown.isEmpty && testCase.teardown.allSatisfy { $0.signingRegion == .second })
        guard case .scalar(let snapshot)? = testCase.request.value(at: "DBClusterSnapshotIdentifier") else {
            Issue.record("the request names no snapshot")
            return
        }
        let snapshots = try #require(Self.spec.resources.lifecycle(of: .dbClusterSnapshot))
        #expect(
            testCase.teardown.contains {
                $0.request.operation == snapshots.delete.operation
                    && $0.request.value(at: snapshots.delete.identifier) == .scalar(snapshot)
            })
    }

    @Test func aCaseInTheRunsRegionOnlyDoesNotNeedTheSecond() throws {
        let testCase = try #require(
            Self.cases.first { $0.id == "DescribeDBClusterSnapshots/stateful/scenario/snapshot-outlives-its-cluster" })
        #expect(!testCase.usesSecondRegion)
        // The call deletes the cluster set-up made, by the identifier set-up gave it.
        let create = try #require(testCase.setup.first)
        #expect(
            testCase.setup.last?.request.value(at: "DBClusterIdentifier")
                == create.request.value(at: "DBClusterIdentifier"))
    }

    @Test func coverageListsEveryScenario() {
        let coverage = Coverage(spec: Self.spec, cases: Self.cases)
        for scenario in Self.spec.scenarios {
            #expect(coverage.constraints.contains(scenario.item.text))
            #expect(coverage.coveredBy[scenario.item.text]?.isEmpty == false)
        }
    }

    @Test func scenariosNameResourcesNoOperationCaseNames() {
        let ids = Self.cases.filter { $0.tags.contains { $0.hasPrefix("scenario:") } }
            .flatMap { $0.setup.map(\.request) }.compactMap { request -> String? in
                guard case .scalar(let id)? = request.parameters.first?.value else { return nil }
                return id
            }
        let operationScopes = Self.cases.filter { !$0.tags.contains { $0.hasPrefix("scenario:") } }
            .flatMap { $0.setup.map(\.request) }.compactMap { request -> String? in
                guard case .scalar(let id)? = request.parameters.first?.value else { return nil }
                return id
            }
        #expect(Set(ids).isDisjoint(with: Set(operationScopes)))
    }
}
