import ConformanceSpec
import ConformanceTestSupport
import Foundation
import Testing

/// Specs/ against the API document (Facts/api-document): the guard against a spec that is wrong the same
/// way for the generator and the reference server.
@Suite
struct APIDocumentCrossCheckTests {
    let document: APIDocument
    let spec: ServiceSpec

    init() throws {
        document = try APIDocument.parse(try String(contentsOf: TestPaths.seedDocument, encoding: .utf8))
        spec = try SpecLoader(directory: TestPaths.specs).load()
    }

    @Test func documentParsesIntoTenOperations() throws {
        #expect(document.operations.count == 10)
        let create = try #require(document.operations.first { $0.name == "CreateDBCluster" })
        #expect(create.parameters.count == 27)
        #expect(create.requiredParameters == ["DBClusterIdentifier", "Engine"])
        #expect(
            create.unsupportedParameters.isSuperset(of: [
                "CharacterSetName", "MasterUsername", "MasterUserPassword", "OptionGroupName",
            ]))
        let scaling = try #require(create.parameters.first { $0.name == "ServerlessV2ScalingConfiguration" })
        #expect(
            scaling.type
                == .structure([
                    .init(name: "MinCapacity", type: .scalar("double")),
                    .init(name: "MaxCapacity", type: .scalar("double")),
                ]))
        guard case .structure(let response) = create.response.first?.type else {
            Issue.record("no DBCluster")
            return
        }
        #expect(response.count == 41)
    }

    @Test func specMatchesTheDocument() {
        let problems = APIDocumentCrossCheck(document: document, spec: spec).run()
        #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n"))")
    }

    /// Every parameter of every operation: dropping it from the spec must be caught.
    @Test(arguments: try! Self.everyParameter())
    func droppingAParameterIsCaught(operation: String, parameter: String) throws {
        var broken = spec
        let index = try #require(broken.operations.firstIndex { $0.name == operation })
        broken.operations[index].parameters.members.removeAll { $0.name == parameter }
        let problems = APIDocumentCrossCheck(document: document, spec: broken).run()
        #expect(
            problems.contains {
                $0.operation == operation && $0.path == "request.\(parameter)"
                    && $0.message.contains("missing from the spec")
            })
    }

    static func everyParameter() throws -> [(String, String)] {
        let document = try APIDocument.parse(try String(contentsOf: TestPaths.seedDocument, encoding: .utf8))
        return document.operations.flatMap { operation in operation.parameters.map { (operation.name, $0.name) } }
    }

    @Test func aWrongTypeIsCaught() throws {
        var broken = spec
        let index = try #require(broken.operations.firstIndex { $0.name == "CreateDBCluster" })
        let member = try #require(broken.operations[index].parameters.members.firstIndex { $0.name == "Port" })
        broken.operations[index].parameters.members[member].type = .string
        let problems = APIDocumentCrossCheck(document: document, spec: broken).run()
        #expect(
            problems.map(\.description) == [
                "CreateDBCluster request.Port: the API document says integer, the spec says string"
            ])
    }

    @Test func aDroppedResponseMemberIsCaught() throws {
        var broken = spec
        let index = try #require(broken.operations.firstIndex { $0.name == "StopDBCluster" })
        guard case .structure(var cluster) = broken.operations[index].output.members[0].type else {
            Issue.record("no structure")
            return
        }
        cluster.members.removeAll { $0.name == "ServerlessV2ScalingConfiguration" }
        broken.operations[index].output.members[0].type = .structure(cluster)
        let problems = APIDocumentCrossCheck(document: document, spec: broken).run()
        #expect(problems.map(\.path) == ["response.DBCluster.ServerlessV2ScalingConfiguration"])
    }

    /// The same guard, end to end: a line deleted from a spec file on disk fails `spec lint --document`.
    @Test func lintWithDocumentFailsOnAFileWithADroppedParameter() async throws {
        let copy = try SpecsCopy(of: TestPaths.specs)
        defer { copy.remove() }
        let text = try String(contentsOf: copy.url("operations/CreateDBCluster.yaml"), encoding: .utf8)
        let kept = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("  KmsKeyId:") }
        try copy.write(kept.joined(separator: "\n"), to: "operations/CreateDBCluster.yaml")
        let result = try await ProcessResult.run(
            TestPaths.cli,
            ["spec", "lint", "--specs", copy.directory.path, "--document", TestPaths.seedDocument.path])
        #expect(result.status == 2)
        #expect(
            result.stderr.contains(
                "CreateDBCluster request.KmsKeyId: in the API document (string) but missing from the spec"))
    }

    /// The parameter texts' "Constraints:", "Valid Values:" and "Default:" are read with the reader botocore's
    /// documentation strings go through (`DocumentedConstraints`).
    @Test func theDocumentsConstraintSentencesAreRead() throws {
        let create = try #require(document.operations.first { $0.name == "CreateDBCluster" })
        let retention = try #require(create.documentedConstraints["BackupRetentionPeriod"])
        #expect(retention.constraints.map(\.kind) == [.range(min: 1, max: 35)])
        #expect(retention.defaultValue?.value == "1")
        #expect(
            create.documentedConstraints["DBClusterIdentifier"]?.constraints.map(\.kind) == [
                .identifier(minLength: 1, maxLength: 63)
            ])
        #expect(create.documentedConstraints["Engine"]?.constraints.map(\.kind) == [.oneOf(["neptune"])])
        #expect(create.documentedConstraints["Port"]?.defaultValue?.value == "8182")
        #expect(
            create.documentedConstraints["PreferredBackupWindow"]?.constraints.map(\.kind) == [
                .window(.daily, minMinutes: 30)
            ])
        #expect(create.documentedConstraints["ServerlessV2ScalingConfiguration"] == nil)
        #expect(APIDocumentCrossCheck(document: document, spec: spec).documentedConstraintCount > 20)
    }

    @Test func aConstraintOrDefaultTheDocumentStatesDifferentlyIsCaught() throws {
        var broken = spec
        let index = try #require(broken.operations.firstIndex { $0.name == "CreateDBCluster" })
        broken.operations[index].parameters = broken.operations[index].parameters.changingMember("Port") {
            $0.defaultValue = "8183"
        }
        broken.operations[index].parameters = broken.operations[index].parameters.changingMember(
            "BackupRetentionPeriod"
        ) { $0.constraints = [Constraint(kind: .range(min: 1, max: 30), error: "InvalidParameterValue")] }
        let problems = APIDocumentCrossCheck(document: document, spec: broken).run()
        #expect(
            problems.map(\.description) == [
                "CreateDBCluster request.BackupRetentionPeriod: the API document says \"Must be a value from 1 to 35; a minimum value of 1\" (range 1...35); the spec says range 1...30",
                "CreateDBCluster request.Port: the API document says \"Default: 8182\"; the spec's default is '8183'",
            ])
    }

    @Test func aDepartureIsListedNotAProblem() {
        let check = APIDocumentCrossCheck(document: document, spec: spec)
        #expect(check.departures.contains { $0.hasPrefix("ModifyDBCluster request.BackupRetentionPeriod: ") })
        var unmarked = spec
        if let index = unmarked.operations.firstIndex(where: { $0.name == "ModifyDBCluster" }) {
            unmarked.operations[index].parameters = unmarked.operations[index].parameters.changingMember(
                "BackupRetentionPeriod"
            ) { $0.departsFromSources = nil }
        }
        #expect(
            APIDocumentCrossCheck(document: document, spec: unmarked).run().map(\.description) == [
                "ModifyDBCluster request.BackupRetentionPeriod: the API document says \"Default: 1\"; the spec's default is absent"
            ])
    }
}
