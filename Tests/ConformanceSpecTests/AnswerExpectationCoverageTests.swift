import ConformanceSpec
import Foundation
import Testing

/// Every answer member that holds a status, a type or an enumeration names a vocabulary with a source; every
/// `presence: always` or `derive:` member says where the claim comes from; the states lifecycles wait for are words
/// of their kind's status vocabulary.
@Suite struct AnswerExpectationCoverageTests {
    static let spec: ServiceSpec = try! SpecLoader(directory: TestPaths.specs).load()

    /// One string member of an answer: where it is (`DBCluster.Status`, `CreateDBClusterEndpoint.output.Status`).
    struct AnswerMember: CustomTestStringConvertible, Sendable {
        var place: String
        var member: MemberSpec
        var testDescription: String { place }
    }

    /// Every member of every answer shape: the operations' outputs and every structure they reach.
    static let answerMembers: [AnswerMember] = {
        var found: [AnswerMember] = []
        var seen = Set<String>()
        func walk(_ structure: StructureSpec, place: String) {
            let name = structure.shapeName ?? place
            guard seen.insert(name).inserted else { return }
            for member in structure.members {
                found.append(AnswerMember(place: "\(name).\(member.name)", member: member))
                visit(member.type, place: "\(name).\(member.name)")
            }
        }
        func visit(_ type: TypeSpec, place: String) {
            switch type {
            case .structure(let structure): walk(structure, place: place)
            case .list(let list): visit(list.member, place: place)
            default: break
            }
        }
        for operation in spec.operations { walk(operation.output, place: "\(operation.name).output") }
        return found
    }()

    /// Names of members that hold a word of a fixed set.
    static func isEnumeration(_ name: String) -> Bool {
        name.hasSuffix("Status") || name.hasSuffix("Type") || name.hasSuffix("State")
            || ["Source", "ApplyMethod", "LicenseModel", "Action"].contains(name)
    }

    static var enumerationMembers: [AnswerMember] {
        answerMembers.filter { $0.member.type == .string && isEnumeration($0.member.name) }
    }

    @Test func theWalkFindsTheAnswerShapes() {
        #expect(Self.answerMembers.count > 300)
        #expect(Self.enumerationMembers.count >= 30)
    }

    @Test(arguments: enumerationMembers)
    func everyEnumerationHasAVocabularyWithASource(_ answer: AnswerMember) throws {
        let vocabulary = try #require(answer.member.vocabulary, "\(answer.place) names no vocabulary ('values:')")
        #expect(!vocabulary.evidence.source.isEmpty)
        #expect(!vocabulary.values.isEmpty)
    }

    @Test(arguments: answerMembers.filter { $0.member.presence != nil || $0.member.derivation != nil })
    func everyAlwaysAndDerivedMemberHasEvidence(_ answer: AnswerMember) throws {
        let evidence = try #require(answer.member.evidence, "\(answer.place) has no evidence")
        #expect(evidence.source.count > 10, "\(answer.place): '\(evidence.source)' names no source")
        if evidence.level == .observed {
            #expect(evidence.source.contains("Facts/real-aws"), "\(answer.place): observed names no captured file")
        }
    }

    @Test func everyVocabularyIsUsedAndSourced() {
        let used = Set(Self.answerMembers.compactMap(\.member.vocabulary?.name))
        for vocabulary in Self.spec.vocabularies.values {
            #expect(used.contains(vocabulary.name), "vocabulary \(vocabulary.name) is named by no answer member")
            #expect(!vocabulary.evidence.source.isEmpty)
        }
    }

    /// The status member a lifecycle's describe lists (`DescribeDBClustersResult/DBClusters/DBCluster` + `Status`).
    static func statusMember(of lifecycle: ResourceLifecycle) -> MemberSpec? {
        guard let status = lifecycle.describe.status,
            let operation = spec.operation(named: lifecycle.describe.operation)
        else { return nil }
        var type = TypeSpec.structure(operation.output)
        for part in lifecycle.describe.items.split(separator: "/").dropFirst() {
            switch type {
            case .structure(let structure):
                guard let member = structure.member(named: String(part)) else { return nil }
                type = member.type
            case .list(let list) where list.memberName == part: type = list.member
            default: return nil
            }
        }
        guard case .structure(let item) = type else { return nil }
        return item.member(named: status)
    }

    @Test func everyStateALifecycleNamesIsInItsKindsVocabulary() throws {
        var checked = 0
        for lifecycle in Self.spec.resources.lifecycles where lifecycle.describe.status != nil {
            let member = try #require(Self.statusMember(of: lifecycle), "\(lifecycle.kind): status member not found")
            let vocabulary = try #require(member.vocabulary, "\(lifecycle.kind).\(member.name) has no vocabulary")
            var states = [lifecycle.setup.create.waitFor, lifecycle.modify?.waitFor] + lifecycle.actions.map(\.reaches)
            states += lifecycle.sharesStates.map { Optional($0) }
            for state in states.compactMap({ $0 }) {
                #expect(vocabulary.contains(state), "\(lifecycle.kind) waits for '\(state)', not in \(vocabulary.name)")
                checked += 1
            }
        }
        #expect(checked >= 8)
    }

    @Test func derivationsMatchTheirExamples() throws {
        let arn = try Derivation(template: "arn:aws:rds:{region}:{account}:cluster:{DBClusterIdentifier}")
        let siblings = ["DBClusterIdentifier": "my-cluster"]
        #expect(arn.matches("arn:aws:rds:us-east-1:123456789012:cluster:my-cluster", siblings: siblings, region: nil))
        #expect(
            arn.matches(
                "arn:aws:rds:us-east-1:123456789012:cluster:my-cluster", siblings: siblings, region: "us-east-1"))
        #expect(
            !arn.matches(
                "arn:aws:rds:us-west-2:123456789012:cluster:my-cluster", siblings: siblings, region: "us-east-1"))
        #expect(!arn.matches("arn:aws:rds:us-east-1:123456789012:db:my-cluster", siblings: siblings, region: nil))
        #expect(
            !arn.matches("arn:aws:neptune:us-east-1:123456789012:cluster:my-cluster", siblings: siblings, region: nil))
        #expect(!arn.matches("arn:aws:rds:us-east-1:acct:cluster:my-cluster", siblings: siblings, region: nil))
        #expect(!arn.matches("arn:aws:rds:us-east-1:123456789012:cluster:other", siblings: siblings, region: nil))
        let host = try Derivation(template: "{DBClusterIdentifier}.cluster-{*}.{region}.{*}.amazonaws.com")
        #expect(
            host.matches(
                "my-cluster.cluster-c0nf0rm4nce.us-east-1.neptune.amazonaws.com", siblings: siblings,
                region: "us-east-1"))
        #expect(
            host.matches("my-cluster.cluster-ctrayan0rynq.us-east-1.rds.amazonaws.com", siblings: siblings, region: nil)
        )
        #expect(
            !host.matches(
                "my-cluster.cluster-x.eu-west-1.neptune.amazonaws.com", siblings: siblings, region: "us-east-1"))
        #expect(throws: Derivation.TemplateError.self) { try Derivation(template: "no tokens at all") }
        #expect(throws: Derivation.TemplateError.self) { try Derivation(template: "{region") }
        #expect(throws: Derivation.TemplateError.self) { try Derivation(template: "{lower}") }
    }
}
