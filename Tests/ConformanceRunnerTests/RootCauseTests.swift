import ConformanceRunner
import Testing

/// Root causes group cases by (kind of departure, class of spec item); every failing, erring or
/// golden-less case is in exactly one, and fingerprints are stable and free of varying values.
@Suite struct RootCauseTests {
    static func result(
        _ id: String, covers: [String], expected: String, verdict: Verdict = .failed, status: Int? = 200,
        findings: [Finding] = [], reason: String? = nil
    ) -> CaseResult {
        CaseResult(
            id: id, operation: String(id.prefix { $0 != "/" }), kind: .invalid, tags: [], covers: covers, summary: "",
            verdict: verdict,
            reason: reason, findings: findings, requestBody: "Action=X&Version=2014-10-31", expected: expected,
            actualStatus: status)
    }

    static let accepted = Finding(kind: .status, path: "(HTTP status)", expected: "400", found: "200")
    static let results: [CaseResult] = [
        result(
            "CreateDBCluster/invalid/Port/above", covers: ["CreateDBCluster.Port#range"],
            expected: "Sender error InvalidParameterValue, HTTP 400", findings: [accepted]),
        result(
            "ModifyDBCluster/invalid/Port/above", covers: ["ModifyDBCluster.Port#range"],
            expected: "Sender error InvalidParameterValue, HTTP 400", findings: [accepted]),
        result(
            "CreateDBCluster/invalid/Engine/missing", covers: ["CreateDBCluster.Engine#required"],
            expected: "Sender error MissingParameter, HTTP 400",
            status: 500, findings: [Finding(kind: .status, path: "(HTTP status)", expected: "400", found: "500")]),
        result(
            "CreateDBCluster/valid/minimal", covers: ["CreateDBCluster.request.Engine"],
            expected: "success matching Golden/x.xml",
            findings: [
                Finding(
                    kind: .unexpected, path: "/CreateDBClusterResponse/CreateDBClusterResult/DBCluster/BacktrackWindow",
                    found: "0"),
                Finding(
                    kind: .unexpected, path: "/CreateDBClusterResponse/CreateDBClusterResult/DBCluster/EngineMode",
                    found: "x"),
            ]),
        result(
            "DescribeDBClusters/valid/all", covers: [], expected: "success matching Golden/y.xml",
            findings: [
                Finding(
                    kind: .unexpected,
                    path:
                        "/DescribeDBClustersResponse/DescribeDBClustersResult/DBClusters/DBCluster[2]/BacktrackWindow",
                    found: "0")
            ]),
        result(
            "StopDBCluster/stateful/x", covers: ["StopDBCluster#state:DBClusterIdentifier"],
            expected: "Sender error InvalidDBClusterStateFault, HTTP 400",
            verdict: .errored, status: nil,
            reason: "set-up step 2 (CreateDBCluster) was refused: HTTP 500 (InternalFailure: boom)"),
        result(
            "DeleteDBCluster/invalid/Warning/only", covers: [], expected: "success matching Golden/z.xml",
            verdict: .passed,
            findings: [Finding(kind: .unexpected, path: "/a/b", warning: true)]),
        result(
            "FailoverDBCluster/stateful/y", covers: ["FailoverDBCluster#readerOf:TargetDBInstanceIdentifier"],
            expected: "Sender error InvalidDBInstanceState, HTTP 400",
            status: 400,
            findings: [
                Finding(
                    kind: .code, path: "/ErrorResponse/Error/Code", expected: "InvalidDBInstanceState",
                    found: "InvalidParameterValue")
            ]),
    ]

    @Test func everyDepartingCaseIsInExactlyOneRootCause() {
        let causes = RootCauseAnalysis.rootCauses(
            of: Self.results, endpoint: "http://127.0.0.1:5000", url: "http://127.0.0.1:5000", region: "us-east-1",
            signingName: "rds")
        let departing = Self.results.filter { $0.verdict != .passed && $0.verdict != .skipped }.map(\.id)
        let grouped = causes.flatMap(\.cases)
        #expect(grouped.sorted() == departing.sorted())
        #expect(Set(grouped).count == grouped.count)
        #expect(
            causes.map(\.id) == [
                "accepts-invalid/range", "unknown-element/BacktrackWindow", "server-error/required",
                "setup-failed/CreateDBCluster", "wrong-code/readerOf",
            ])
        #expect(causes[0].title == "accepts requests that break the `range` constraint of Port")
        #expect(causes[0].items == ["CreateDBCluster.Port#range", "ModifyDBCluster.Port#range"])
        #expect(causes[1].title == "answers with an element the contract does not know: <BacktrackWindow>")
        #expect(causes[1].cases.count == 2, "the same element at another index or operation is the same root cause")
        #expect(
            causes[2].title
                == "fails with HTTP 5xx instead of refusing requests that break the `required` constraint of Engine")
    }

    @Test func theExampleReproducesWithoutCredentials() throws {
        let causes = RootCauseAnalysis.rootCauses(
            of: Self.results, endpoint: "http://127.0.0.1:5000", url: "http://127.0.0.1:5000", region: "eu-west-1",
            signingName: "rds")
        let curl = try #require(causes[0].example.curl)
        #expect(
            curl.contains("--aws-sigv4 'aws:amz:eu-west-1:rds'")
                && curl.contains("\"$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY\""))
        #expect(curl.contains("--data-raw 'Action=X&Version=2014-10-31'"))
        #expect(
            causes[0].example.rerun
                == "neptune-conformance run --case 'CreateDBCluster/invalid/Port/above' --endpoint 'http://127.0.0.1:5000'"
        )
        let embedded = RootCauseAnalysis.rootCauses(
            of: Self.results, endpoint: "embedded (faults: accept-out-of-range)", url: nil, region: "us-east-1",
            signingName: "rds")
        #expect(embedded[0].example.curl == nil)
        #expect(
            embedded[0].example.rerun
                == "neptune-conformance run --case 'CreateDBCluster/invalid/Port/above' --endpoint embedded:accept-out-of-range"
        )
    }

    @Test func fingerprintsIgnoreWhatVariesBetweenRuns() {
        var a = Self.results[3]
        var b = a
        a.findings[0].found = "0"
        b.findings[0].found = "7"
        b.actualBody = "<other request id/>"
        #expect(RootCauseAnalysis.fingerprint(of: a) == RootCauseAnalysis.fingerprint(of: b))
        #expect(RootCauseAnalysis.fingerprint(of: a)?.count == 16)
        #expect(
            RootCauseAnalysis.fingerprint(of: Self.results[0]) != RootCauseAnalysis.fingerprint(of: Self.results[1]),
            "another spec item")
        #expect(
            RootCauseAnalysis.fingerprint(of: Self.results[6]) == nil, "a passing case (with a warning) does not depart"
        )
    }

    @Test func theScoreCountsItemsWhoseEveryCasePassed() {
        let coverage = [
            ConstraintCoverage(item: "CreateDBCluster.Port#range", cases: ["a": .passed, "b": .failed]),
            ConstraintCoverage(item: "CreateDBCluster.Engine#required", cases: ["c": .passed]),
            ConstraintCoverage(item: "StopDBCluster#state:DBClusterIdentifier", cases: ["d": .skipped]),
            ConstraintCoverage(item: "StopDBCluster#exists:DBClusterIdentifier", cases: [:]),
        ]
        let score = ConformanceScore(coverage: coverage, results: Self.results)
        #expect(score.items.good == 1 && score.items.total == 2 && score.items.percent == 50)
        #expect(score.operations.first { $0.name == "CreateDBCluster" }?.items.total == 2)
        #expect(score.badge.message == "50% of spec items" && score.badge.color == "orange")
    }
}
