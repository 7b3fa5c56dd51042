import ConformanceSpec
import Foundation
import Testing
import XMLCompare

/// The answer expectations of `Specs/` (presence, vocabularies, derivations) hold on every success answer, each
/// departure carrying the member's evidence.
@Suite struct AnswerExpectationCheckTests {
    let checker = ShapeChecker(spec: Fixtures.spec, mode: .strict, region: "us-east-1")
    var create: OperationSpec { Fixtures.spec.operation(named: "CreateDBCluster")! }

    @Test func theFullAnswerConformsInItsRegion() {
        #expect(checker.checkSuccess(Fixtures.tree(Fixtures.fullCreateAnswer()), operation: create).isEmpty)
    }

    struct Defect: CustomTestStringConvertible, Sendable {
        var name: String
        var original: String
        var replacement: String
        var kind: XMLDifference.Kind
        var path: String
        var testDescription: String { name }
    }

    static let defects: [Defect] = [
        Defect(
            name: "status outside the vocabulary", original: "<Status>creating</Status>",
            replacement: "<Status>ready</Status>", kind: .value, path: "/DBCluster/Status"),
        Defect(
            name: "status in the wrong case", original: "<Status>creating</Status>",
            replacement: "<Status>Creating</Status>", kind: .value, path: "/DBCluster/Status"),
        Defect(
            name: "always member dropped", original: "<EngineVersion>1.3.2.0</EngineVersion>", replacement: "",
            kind: .missing, path: "/DBCluster/EngineVersion"),
        Defect(
            name: "ARN of another service", original: "arn:aws:rds:us-east-1:123456789012:cluster:my-cluster",
            replacement: "arn:aws:neptune:us-east-1:123456789012:cluster:my-cluster", kind: .value,
            path: "/DBCluster/DBClusterArn"),
        Defect(
            name: "ARN of another resource type", original: "arn:aws:rds:us-east-1:123456789012:cluster:my-cluster",
            replacement: "arn:aws:rds:us-east-1:123456789012:db:my-cluster", kind: .value,
            path: "/DBCluster/DBClusterArn"),
        Defect(
            name: "ARN naming another cluster", original: "arn:aws:rds:us-east-1:123456789012:cluster:my-cluster",
            replacement: "arn:aws:rds:us-east-1:123456789012:cluster:your-cluster", kind: .value,
            path: "/DBCluster/DBClusterArn"),
        Defect(
            name: "endpoint in another region", original: "my-cluster.cluster-abc.us-east-1.neptune.amazonaws.com",
            replacement: "my-cluster.cluster-abc.eu-west-1.neptune.amazonaws.com", kind: .value,
            path: "/DBCluster/Endpoint"),
        Defect(
            name: "member status outside the vocabulary",
            original: "<VpcSecurityGroupId>sg-1</VpcSecurityGroupId><Status>active</Status>",
            replacement: "<VpcSecurityGroupId>sg-1</VpcSecurityGroupId><Status>ACTIVE</Status>", kind: .value,
            path: "/VpcSecurityGroupMembership/Status"),
        Defect(
            name: "always member of a list item dropped",
            original: "<DBClusterMember><DBInstanceIdentifier>r</DBInstanceIdentifier>",
            replacement: "<DBClusterMember>", kind: .missing, path: "/DBClusterMember[2]/DBInstanceIdentifier"),
    ]

    @Test(arguments: defects)
    func defectIsFoundWithItsEvidence(_ defect: Defect) throws {
        let answer = Fixtures.fullCreateAnswer()
        try #require(answer.contains(defect.original))
        let broken = answer.replacingOccurrences(of: defect.original, with: defect.replacement)
        let differences = checker.checkSuccess(Fixtures.tree(broken), operation: create)
        #expect(differences.count == 1, "\(differences.rendered)")
        let difference = try #require(differences.first)
        #expect(difference.kind == defect.kind)
        #expect(difference.path.hasSuffix(defect.path), "\(difference.path)")
        #expect(difference.evidence != nil, "\(difference) carries no evidence")
    }

    @Test func withoutARegionAnyRegionIsAccepted() {
        let answer = Fixtures.fullCreateAnswer().replacingOccurrences(of: "us-east-1", with: "eu-west-1")
        let anyRegion = ShapeChecker(spec: Fixtures.spec, mode: .strict)
        #expect(anyRegion.checkSuccess(Fixtures.tree(answer), operation: create).isEmpty)
        #expect(checker.checkSuccess(Fixtures.tree(answer), operation: create).count == 3)
    }

    /// A golden that ignores the whole result does not spare it: the shape check walks it anyway.
    @Test func expectationsHoldInsideIgnoredRegions() {
        let golden = Fixtures.tree(
            """
            <CreateDBClusterResponse xmlns="\(Fixtures.namespace)"><CreateDBClusterResult>{{ignore}}</CreateDBClusterResult>
            <ResponseMetadata><RequestId>{{string}}</RequestId></ResponseMetadata></CreateDBClusterResponse>
            """)
        let broken = Fixtures.tree(
            Fixtures.fullCreateAnswer().replacingOccurrences(
                of: "<Status>creating</Status>", with: "<Status>ready</Status>"))
        #expect(GoldenComparison(mode: .strict).compare(golden: golden, actual: broken).isEmpty)
        #expect(checker.checkSuccess(broken, operation: create).map(\.kind) == [.value])
    }
}
