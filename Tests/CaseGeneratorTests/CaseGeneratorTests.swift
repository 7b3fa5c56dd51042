import CaseGenerator
import ConformanceSpec
import ConformanceTestSupport
import Foundation
import QueryProtocol
import Testing

enum GeneratorFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let spec: ServiceSpec = try! SpecLoader(directory: root.appendingPathComponent("Specs")).load()
    static let cases = CaseGenerator(spec: spec, seed: 7).generate()

    static var cli: URL { BuiltCLI.url }

    static func run(_ arguments: [String]) async throws -> (Int32, Data) {
        let result = try await ProcessResult.run(
            cli, arguments + ["--specs", root.appendingPathComponent("Specs").path])
        return (result.status, Data(result.stdout.utf8))
    }
}

@Suite struct CaseGeneratorTests {
    let spec = GeneratorFixtures.spec
    let cases = GeneratorFixtures.cases

    @Test func idsAreUniqueAndStableAcrossSeeds() {
        let ids = cases.map(\.id)
        #expect(
            Set(ids).count == ids.count,
            "duplicate ids: \(Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted())")
        #expect(CaseGenerator(spec: spec, seed: 99).generate().map(\.id) == ids)
        #expect(ids.contains("CreateDBCluster/invalid/ServerlessV2ScalingConfiguration.MinCapacity/not-half-step"))
    }

    @Test func sameSeedSameCasesOtherSeedOtherNames() {
        #expect(CaseGenerator(spec: spec, seed: 7).generate() == cases)
        let other = CaseGenerator(spec: spec, seed: 8).generate()
        #expect(other != cases)
        #expect(CaseGenerator(spec: spec, seed: 7).resourcePrefix != CaseGenerator(spec: spec, seed: 8).resourcePrefix)
    }

    @Test func everyConstraintIsCoveredByAnInvalidOrStatefulCase() {
        let coverage = Coverage(spec: spec, cases: cases)
        #expect(coverage.constraints.count > 100)
        #expect(coverage.uncoveredConstraints.isEmpty, "uncovered: \(coverage.uncoveredConstraints)")
        for item in coverage.constraints {
            let kinds = Set((coverage.coveredBy[item] ?? []).compactMap { id in cases.first { $0.id == id }?.kind })
            #expect(
                !kinds.isDisjoint(with: [.invalid, .stateful]) || item.contains("#ordered")
                    || item.contains("#disjointWindows"), "\(item) has no failing case")
        }
    }

    /// Supported parameters every valid case leaves out need resources outside the suite; the list is explicit.
    @Test func everySupportedParameterHasAValidCaseOrAnExplicitReason() {
        let uncovered = Coverage(spec: spec, cases: cases).uncoveredParameters(cases: cases)
        for item in uncovered {
            let parts = item.components(separatedBy: ".request.")
            let operation = spec.operation(named: parts[0])!
            #expect(
                CaseGenerator.externalParameters(of: operation, resources: spec.resources).contains(parts[1]),
                "\(item) has no valid case and no reason")
        }
    }

    /// A constraint added to the spec without a case fails the coverage test above: prove it.
    @Test func aNewConstraintWithoutACaseIsDetected() throws {
        var changed = spec
        let index = try #require(changed.operations.firstIndex { $0.name == "StopDBCluster" })
        changed.operations[index].preconditions.append(
            Precondition(kind: .hasReader, parameter: "DBClusterIdentifier", error: "InvalidDBClusterStateFault"))
        let coverage = Coverage(spec: changed, cases: cases)
        #expect(coverage.uncoveredConstraints == ["StopDBCluster#hasReader:DBClusterIdentifier"])
    }

    /// Each invalid case changes one thing in its operation's minimal valid request: the parameters
    /// it sends are the minimal ones plus the one under test (and a structure's required sibling).
    @Test func invalidCasesChangeOneThing() {
        for testCase in cases where testCase.kind == .invalid {
            let minimal = cases.first { $0.id == "\(testCase.operation)/valid/minimal" }!
            let base = Set(minimal.request.parameters.map(\.name))
            let sent = Set(testCase.request.parameters.map(\.name))
            let added = sent.subtracting(base)
            // Swapping one of an exclusive pair for the other is one change, not two.
            let exclusive = spec.operation(named: testCase.operation)!.rules.flatMap { rule -> [String] in
                if case .exclusive(let names) = rule.kind, !added.isDisjoint(with: names) { return names }
                return []
            }
            let removed = base.subtracting(sent).subtracting(exclusive)
            #expect(
                added.count + removed.count <= 2,
                "\(testCase.id) adds \(added.sorted()) and removes \(removed.sorted())")
            if case .error(let code, let status, _, _) = testCase.expectation {
                #expect(spec.errors[code]?.httpStatus == status, "\(testCase.id)")
            } else {
                Issue.record("\(testCase.id) is invalid but expects success")
            }
            let unsupported = testCase.request.parameters.filter {
                spec.operation(named: testCase.operation)?.parameter(at: $0.name)?.unsupported == true
            }
            #expect(unsupported.count <= (testCase.tags.contains("constraint:unsupported") ? 1 : 0), "\(testCase.id)")
        }
    }

    @Test func issueListedVariantsExist() {
        let ids = Set(cases.map(\.id))
        for id in [
            "CreateDBCluster/invalid/DBClusterIdentifier/empty", "CreateDBCluster/invalid/DBClusterIdentifier/too-long",
            "CreateDBCluster/invalid/DBClusterIdentifier/leading-digit",
            "CreateDBCluster/invalid/DBClusterIdentifier/trailing-hyphen",
            "CreateDBCluster/invalid/DBClusterIdentifier/double-hyphen",
            "CreateDBCluster/invalid/DBClusterIdentifier/bad-character",
            "CreateDBCluster/invalid/ServerlessV2ScalingConfiguration.MinCapacity/quarter-step",
            "CreateDBCluster/invalid/ServerlessV2ScalingConfiguration/ordered/inverted",
            "CreateDBCluster/invalid/rules/disjointWindows/overlap-across-midnight",
            "CreateDBCluster/invalid/rules/disjointWindows/overlap-across-days",
            "CreateDBCluster/invalid/PreferredBackupWindow/too-short",
            "CreateDBCluster/invalid/PreferredMaintenanceWindow/unknown-day",
            "CreateDBCluster/invalid/Engine/unknown-value", "CreateDBCluster/invalid/MasterUsername/unsupported",
            "CreateDBCluster/valid/BackupRetentionPeriod/minimum",
            "CreateDBCluster/valid/BackupRetentionPeriod/maximum",
            "CreateDBCluster/valid/DBClusterIdentifier/upper-case", "CreateDBCluster/valid/windows/touching",
            "DeleteDBCluster/stateful/deletion-protection/refused",
            "DeleteDBCluster/stateful/deletion-protection/switched-off-then-deleted",
            "DeleteDBCluster/invalid/rules/atLeastOne/none",
            "StopDBCluster/stateful/DBClusterIdentifier/in-state-stopped",
            "StartDBCluster/stateful/DBClusterIdentifier/in-state-available",
            "ModifyDBCluster/stateful/NewDBClusterIdentifier/DBCluster-already-exists",
            "FailoverDBCluster/stateful/DBClusterIdentifier/no-reader",
            "PromoteReadReplicaDBCluster/stateful/DBClusterIdentifier/not-a-replica",
            "RestoreDBClusterFromSnapshot/stateful/SnapshotIdentifier/DBClusterSnapshot-not-found",
            "RestoreDBClusterToPointInTime/invalid/rules/exclusive/together",
            "DescribeDBClusters/stateful/serverless-range-after-modify",
            "CreateDBCluster/stateful/DBClusterIdentifier/DBCluster-already-exists-other-case",
        ] {
            #expect(ids.contains(id), "missing \(id)")
        }
    }

    @Test func everythingCreatedIsDeleted() {
        for testCase in cases {
            let created = testCase.setup.compactMap { step -> String? in
                guard step.request.operation == "CreateDBCluster",
                    case .scalar(let id)? = step.request.value(at: "DBClusterIdentifier")
                else { return nil }
                return id
            }
            let deleted = Set(
                testCase.teardown.compactMap { step -> String? in
                    guard step.request.operation == "DeleteDBCluster",
                        case .scalar(let id)? = step.request.value(at: "DBClusterIdentifier")
                    else { return nil }
                    return id
                })
            for id in created { #expect(deleted.contains(id), "\(testCase.id) creates \(id) and never deletes it") }
            #expect(testCase.teardown.allSatisfy { $0.mayFail })
        }
    }

    @Test func queryEncodingUsesListMemberNames() throws {
        let tagged = try #require(cases.first { $0.id == "CreateDBCluster/invalid/Tags.Key/prefix-aws" })
        let body = tagged.request.formBody(spec: spec)
        #expect(body.contains("Tags.Tag.1.Key=aws%3Areserved"))
        #expect(body.hasPrefix("Action=CreateDBCluster&Version=2014-10-31&"))
        let logs = try #require(
            cases.first { $0.id == "CreateDBCluster/invalid/EnableCloudwatchLogsExports/unknown-value" })
        #expect(logs.request.formBody(spec: spec).contains("EnableCloudwatchLogsExports.member.1=bogus-audit"))
    }

    @Test func jsonlOutputIsByteIdenticalForTheSameSeed() async throws {
        let (status1, first) = try await GeneratorFixtures.run(["cases", "--format", "jsonl", "--seed", "42"])
        let (status2, second) = try await GeneratorFixtures.run(["cases", "--format", "jsonl", "--seed", "42"])
        #expect(status1 == 0 && status2 == 0)
        #expect(first == second)
        #expect(first.count > 10_000)
        let (_, other) = try await GeneratorFixtures.run(["cases", "--format", "jsonl", "--seed", "43"])
        #expect(other != first)
        let lines = String(decoding: first, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == cases.count)
        let object = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        #expect((object?["body"] as? String)?.hasPrefix("Action=") == true)
    }

    @Test func filtersSelect() async throws {
        let (status, data) = try await GeneratorFixtures.run([
            "cases", "--operation", "StopDBCluster", "--kind", "stateful", "--format", "jsonl",
        ])
        #expect(status == 0)
        let ids = String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["id"] as? String
        }
        #expect(
            ids == [
                "StopDBCluster/stateful/DBClusterIdentifier/DBCluster-not-found",
                "StopDBCluster/stateful/DBClusterIdentifier/in-state-stopped",
            ])
        let (bad, _) = try await GeneratorFixtures.run(["cases", "--operation", "StopCluster"])
        #expect(bad == 64)
    }
}

/// The encoded body of every valid case equals, as a set of key/value pairs, what botocore's own
/// query serializer produces for the same parameters (an independent implementation of the wire format).
@Suite(.enabled(if: ExternalTool.botocore.runsHere, Comment(rawValue: ExternalTool.botocore.skipReason)))
struct QueryEncodingOracleTests {
    @Test func validCaseBodiesMatchBotocore() async throws {
        let (status, jsonl) = try await GeneratorFixtures.run(["cases", "--format", "jsonl", "--kind", "valid"])
        #expect(status == 0)
        _ = try ExternalTool.botocore.require()
        let oracle = try await ProcessResult.python("botocore_query_oracle.py", input: jsonl)
        #expect(oracle.status == 0, "\(oracle.stdout)\(oracle.stderr)")
        let text = oracle.stdout
        #expect(text.contains("checked 247 valid cases against botocore's query serializer: 0 mismatches"), "\(text)")
    }
}
