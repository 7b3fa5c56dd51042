import CaseGenerator
import ConformanceSpec
import Foundation
import Testing

@testable import ConformanceRunner

/// Evidence travels from a case's expectation into its findings, root causes, baseline entries and score; weaker
/// evidence than `--evidence` asks for turns departures into warnings; an operation every case of which got a 5xx,
/// a page that is not XML, `InvalidAction` or no answer is one "does not implement" finding; waits that fail name
/// `stuck-state/<kind>` or `unknown-state/<kind>`.
@Suite struct EvidenceTriageTests {
    static let documented = Evidence(.documented, source: "API reference, CreateDBCluster errors")
    static let inferred = Evidence(.inferred, source: "no public source")

    static func result(
        _ id: String, verdict: Verdict = .failed, status: Int? = 500, findings: [Finding]? = nil,
        reason: String? = nil, evidence: Evidence? = documented
    ) -> CaseResult {
        var result = CaseResult(
            id: id, operation: String(id.prefix { $0 != "/" }), kind: .invalid, tags: [], covers: ["\(id)#range"],
            summary: "", verdict: verdict, reason: reason,
            findings: findings
                ?? (verdict == .failed
                    ? [Finding(kind: .status, path: "(HTTP status)", expected: "400", found: "\(status ?? 0)")] : []),
            expected: "Sender error InvalidParameterValue, HTTP 400", actualStatus: status)
        result.evidence = evidence
        return result
    }

    @Test func findingsTakeTheCaseEvidenceAndWeakerOnesBecomeWarnings() {
        let own = Finding(kind: .value, path: "/a/Status", evidence: Self.inferred)
        let plain = Finding(kind: .status, path: "(HTTP status)", expected: "400", found: "200")
        let all = CaseExecutor.weighed([own, plain], caseEvidence: Self.documented, minimum: .inferred)
        #expect(all.map(\.evidence) == [Self.inferred, Self.documented])
        #expect(all.allSatisfy { !$0.warning })
        let strict = CaseExecutor.weighed([own, plain], caseEvidence: Self.documented, minimum: .documented)
        #expect(strict.map(\.warning) == [true, false])
        let observedOnly = CaseExecutor.weighed([plain], caseEvidence: Self.inferred, minimum: .observed)
        #expect(observedOnly.map(\.warning) == [true])
        #expect(Finding.leading(observedOnly) == nil)
    }

    @Test func rootCausesCarryTheStrongestEvidenceAndCountsPerLevel() {
        let results = [
            Self.result("CreateDBCluster/invalid/Port/above", status: 200, evidence: Self.inferred),
            Self.result("ModifyDBCluster/invalid/Port/above", status: 200),
            Self.result("ModifyDBCluster/valid/minimal", verdict: .passed, status: 200),
        ]
        let causes = RootCauseAnalysis.rootCauses(
            of: results, endpoint: "x", url: nil, region: "us-east-1", signingName: "rds")
        #expect(causes.count == 1)
        #expect(causes[0].evidence == Self.documented)
        #expect(causes[0].casesByEvidence == ["documented": 1, "inferred": 1])
        let entries = Baseline(results: results, apiVersion: "2014-10-31").entries
        #expect(entries.map(\.evidence) == [.inferred, .documented])
        #expect(Baseline(results: results, apiVersion: "2014-10-31").text.contains("\"evidence\": \"inferred\""))
        let score = ConformanceScore(coverage: [], results: results)
        #expect(score.byEvidence?["documented"]?.good == 1)
        #expect(score.byEvidence?["documented"]?.total == 2)
        #expect(score.byEvidence?["inferred"]?.good == 0)
    }

    @Test func anOperationThatAnswersNothingIsOneFindingListedFirst() {
        let results = [
            Self.result("CreateDBClusterEndpoint/valid/minimal"),
            Self.result(
                "CreateDBClusterEndpoint/invalid/EndpointType/unknown",
                findings: [
                    Finding(kind: .notXML, path: "/", expected: "an XML answer", found: "<html>")
                ]),
            Self.result(
                "CreateDBClusterEndpoint/stateful/already-exists", verdict: .errored, status: nil,
                reason: "set-up step 3 (CreateDBClusterEndpoint) was refused: HTTP 500"),
            Self.result(
                "ModifyDBClusterEndpoint/valid/minimal", verdict: .errored, status: nil,
                reason: "set-up step 2 (CreateDBClusterEndpoint) was refused: HTTP 500"),
            Self.result(
                "DescribeDBEngineVersions/valid/minimal", status: 400,
                findings: [
                    Finding(kind: .code, path: "/ErrorResponse/Error/Code", expected: "x", found: "InvalidAction")
                ]),
            // A 500 on one case of an operation that answers others is a server error, not a missing operation.
            Self.result("CreateDBCluster/invalid/Port/above"),
            Self.result("CreateDBCluster/valid/minimal", verdict: .passed, status: 200),
        ]
        // ModifyDBClusterEndpoint never got an answer of its own: nothing says whether it is implemented, and its
        // case belongs to the finding of the operation its set-up needed.
        #expect(UnimplementedOperations.find(in: results) == ["CreateDBClusterEndpoint", "DescribeDBEngineVersions"])
        let causes = RootCauseAnalysis.rootCauses(
            of: results, endpoint: "x", url: nil, region: "us-east-1", signingName: "rds")
        #expect(
            causes.map(\.id) == [
                "does-not-implement/CreateDBClusterEndpoint", "does-not-implement/DescribeDBEngineVersions",
                "server-error/range",
            ])
        #expect(causes[0].cases.count == 4)
        #expect(causes[0].title.hasPrefix("does not implement CreateDBClusterEndpoint"))
        #expect(causes[0].evidence?.level == .documented)
        #expect(Set(causes.flatMap(\.cases)).count == causes.flatMap(\.cases).count)
    }

    @Test func aFiveHundredTurnedIntoAWarningStillCountsAsUnanswered() {
        // Under --evidence documented, an inferred code's case passes with a warning, though its answer was a 500.
        let results = [
            Self.result("ResetDBParameterGroup/valid/minimal"),
            Self.result(
                "ResetDBParameterGroup/invalid/DBParameterGroupName/missing", verdict: .passed,
                findings: [Finding(kind: .status, path: "(HTTP status)", expected: "400", found: "500", warning: true)]),
            Self.result("CreateDBCluster/valid/minimal", verdict: .passed, status: 200),
        ]
        #expect(UnimplementedOperations.find(in: results) == ["ResetDBParameterGroup"])
    }

    @Test func anEndpointThatAnswersNothingAtAllIsNotCalledUnimplemented() {
        let results = [
            Self.result("CreateDBCluster/valid/minimal", verdict: .errored, status: nil, reason: "connection refused"),
            Self.result("DescribeDBClusters/valid/minimal", verdict: .errored, status: nil, reason: "timed out"),
        ]
        #expect(UnimplementedOperations.find(in: results).isEmpty)
    }

    @Test func failedWaitsAreTheirOwnFindings() {
        let stuck = StateWait.stuck(
            label: "set-up step 1 (CreateDBCluster)", kind: "DBCluster", id: "nc1", state: "available",
            within: .seconds(120), last: "state modifying")
        let unknown = StateWait.unknownStatus(
            label: "set-up step 2 (CreateDBInstance)", kind: "DBInstance", id: "nc2", status: "ready",
            known: ["available", "creating"])
        #expect(unknown.contains("'ready'"))
        let results = [
            Self.result("StopDBCluster/stateful/a", verdict: .errored, status: nil, reason: stuck),
            Self.result("RebootDBInstance/stateful/b", verdict: .errored, status: nil, reason: unknown),
        ]
        let causes = RootCauseAnalysis.rootCauses(
            of: results, endpoint: "x", url: nil, region: "us-east-1", signingName: "rds")
        #expect(Set(causes.map(\.id)) == ["stuck-state/DBCluster", "unknown-state/DBInstance"])
    }

    @Test func generatedCasesEachCarryEvidence() {
        let cases = Fixtures.cases
        #expect(cases.allSatisfy { $0.evidence != nil })
        let inferred = cases.filter { $0.evidence?.level == .inferred }
        #expect(!inferred.isEmpty)
        for testCase in inferred {
            guard case .error(_, _, _, let marked) = testCase.expectation else {
                Issue.record("\(testCase.id): inferred evidence on a non-error expectation")
                continue
            }
            #expect(marked, "\(testCase.id) is inferred only because its code is not among the documented errors")
        }
    }
}
