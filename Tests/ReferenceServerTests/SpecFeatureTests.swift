import CaseGenerator
import ConformanceSpec
import QueryProtocol
import ReferenceServer
import Testing

/// The general spec features the subnet-group, tag and role family brought: the `notOneOf` constraint, list step
/// parameters, preconditions on lists (each value exists; the values span zones), and operations without output.
@Suite struct SpecFeatureTests {
    static let spec = try! SpecLoader(directory: SpecLocation.defaultDirectory()).load()

    @Test(arguments: [("default", true), ("DEFAULT", true), ("defaults", false), ("my default", false)])
    func notOneOfRefusesReservedValuesInAnyCase(_ value: String, refused: Bool) throws {
        let operation = try #require(Self.spec.operation(named: "DeleteDBSubnetGroup"))
        let request = Request(operation: operation.name, parameters: [Parameter("DBSubnetGroupName", .scalar(value))])
        let violations = ContractEvaluator(operation: operation).violations(of: request)
        #expect(violations.map(\.specItem) == (refused ? ["DeleteDBSubnetGroup.DBSubnetGroupName#notOneOf"] : []))
    }

    /// A state that knows two subnets in zone a and one in zone b.
    struct Zones: ContractState {
        let zones = ["subnet-a1": "a", "subnet-a2": "a", "subnet-b1": "b"]
        func cluster(_ identifier: String) -> ContractClusterFacts? { nil }
        func exists(_ kind: ResourceKind, _ identifier: String) -> Bool { zones[identifier] != nil }
        func instanceStatus(_ identifier: String) -> String? { nil }
        func availabilityZone(ofSubnet identifier: String) -> String? { zones[identifier] }
    }

    @Test(
        arguments: [
            (["subnet-a1", "subnet-b1"], nil),
            (["subnet-a1", "subnet-a2"], "DBSubnetGroupDoesNotCoverEnoughAZs"),
            (["subnet-a1", "subnet-zz"], "InvalidSubnet"),
        ] as [([String], String?)])
    func listPreconditionsJudgeEveryValue(_ subnets: [String], expected: String?) throws {
        let operation = try #require(Self.spec.operation(named: "CreateDBSubnetGroup"))
        let request = Request(
            operation: operation.name,
            parameters: [
                Parameter("DBSubnetGroupName", .scalar("g")), Parameter("DBSubnetGroupDescription", .scalar("d")),
                Parameter("SubnetIds", .list(subnets.map { .scalar($0) })),
            ])
        let failures = ContractEvaluator(operation: operation).preconditionFailures(of: request, in: Zones())
        #expect(failures.first?.code == expected, "\(failures)")
    }

    @Test func aStepCarriesListParametersAsLists() throws {
        let group = try #require(Self.spec.resources.lifecycle(of: .dbSubnetGroup))
        let request = Request(group.setup.create, id: "nc-g1")
        #expect(request.value(at: "DBSubnetGroupName") == .scalar("nc-g1"))
        guard case .list(let subnets)? = request.value(at: "SubnetIds") else {
            Issue.record("SubnetIds is not a list: \(request)")
            return
        }
        #expect(subnets.count == 2)
        #expect(request.formBody(spec: Self.spec).contains("SubnetIds.SubnetIdentifier.2="))
    }

    @Test func anOperationWithoutOutputAnswersWithResponseMetadataOnly() async throws {
        let operation = try #require(Self.spec.operation(named: "AddTagsToResource"))
        #expect(!operation.hasResult && operation.output.members.isEmpty)
        let emulator = NeptuneEmulator(spec: Self.spec)
        let answer = await emulator.handle(
            body:
                "Action=AddTagsToResource&Version=2014-10-31&ResourceName=arn%3Aaws%3Ards%3Aus-east-1%3A123456789012%3Asubgrp%3Adefault&Tags.Tag.1.Key=k&Tags.Tag.1.Value=v"
        )
        #expect(answer.status == 200 && answer.body.contains("<ResponseMetadata>"), "\(answer.body)")
        #expect(!answer.body.contains("AddTagsToResourceResult"))
    }
}
