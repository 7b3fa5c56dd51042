import CaseGenerator
import ConformanceSpec
import Foundation
import XMLCompare

/// What became of one case.
public enum Verdict: String, Sendable, Codable, CaseIterable, Comparable {
    /// The endpoint answered as the contract says.
    case passed
    /// The endpoint departs from the contract (a non-conformance).
    case failed
    /// The case could not be judged: the endpoint did not answer, or a set-up step failed.
    case errored
    /// A success case with no golden file: recorded nothing, judged nothing (`record` writes it).
    case missingGolden = "missing-golden"
    /// Not run (its reason says why).
    case skipped

    public static func < (lhs: Verdict, rhs: Verdict) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The outcome of one case, with everything a report shows about it.
public struct CaseResult: Sendable, Codable, Equatable {
    public var id: String
    public var operation: String
    /// The case's kind; nil only for a result that names no generated case (`ConformanceSuite.check` of an unknown id).
    public var kind: TestCase.Kind?
    public var tags: [String]
    public var covers: [String]
    public var summary: String
    public var verdict: Verdict
    /// Why, in one sentence (the first finding, the transport error, the skip reason).
    public var reason: String?
    public var findings: [Finding]
    /// The form body of the request under test.
    public var requestBody: String?
    /// What the case expected, for people (`success (golden <Operation>/valid/minimal)`, `InvalidParameterValue (400)`).
    public var expected: String
    public var actualStatus: Int?
    /// The answer body, cut at 64 KiB.
    public var actualBody: String?
    public var durationMilliseconds: Double
    /// Requests of this case (set-up, the request, tear-down) sent again after throttling, a 5xx or a lost
    /// answer; nil when none was.
    public var retries: Int?
    /// Where the case's expectation comes from (documented, observed or inferred, with its source).
    public var evidence: Evidence?

    public init(
        id: String, operation: String, kind: TestCase.Kind?, tags: [String], covers: [String], summary: String,
        verdict: Verdict,
        reason: String? = nil, findings: [Finding] = [], requestBody: String? = nil, expected: String,
        actualStatus: Int? = nil,
        actualBody: String? = nil, durationMilliseconds: Double = 0
    ) {
        self.id = id
        self.operation = operation
        self.kind = kind
        self.tags = tags
        self.covers = covers
        self.summary = summary
        self.verdict = verdict
        self.reason = reason
        self.findings = findings
        self.requestBody = requestBody
        self.expected = expected
        self.actualStatus = actualStatus
        self.actualBody = actualBody
        self.durationMilliseconds = durationMilliseconds
    }

    init(testCase: TestCase, verdict: Verdict, reason: String?) {
        self.init(
            id: testCase.id, operation: testCase.operation, kind: testCase.kind, tags: testCase.tags,
            covers: testCase.covers,
            summary: testCase.summary, verdict: verdict, reason: reason, expected: Self.expected(testCase.expectation))
        evidence = testCase.evidence
    }

    static func expected(_ expectation: Expectation) -> String {
        switch expectation {
        case .success(let golden): "success matching Golden/\(golden).xml"
        case .error(let code, let status, let type, _): "\(type) error \(code), HTTP \(status)"
        case .anyClientError: "any 4xx answer with an AWS error envelope"
        case .anySuccess(let source): "a success answer (\(source))"
        case .pages(let walk):
            "success on every page\(walk.limit.map { " (at most \($0) items each)" } ?? ""), each of \(walk.includes.count) resource(s) listed once"
                + (walk.excludes.isEmpty ? "" : ", \(walk.excludes.count) left out")
        }
    }
}

/// The whole run: where it went, when, and every case's result.
public struct RunReport: Sendable, Codable, Equatable {
    public var tool: String
    public var endpoint: String
    public var apiVersion: String
    public var seed: UInt64
    public var startedAt: String
    public var durationSeconds: Double
    public var comparison: String
    public var results: [CaseResult]
    /// Resources the run created and could not delete.
    public var leftovers: [String]
    /// Notes about the run itself (faults switched on, skipped families).
    public var notes: [String]
    /// For every constraint, rule and precondition of the spec: the cases that exercised it and their verdicts.
    public var coverage: [ConstraintCoverage]?
    /// The SigV4 region of the run (for reproductions).
    public var region: String?
    /// The URL requests went to, for a URL target (curl reproductions); nil for the embedded server.
    public var url: String?
    /// `i/n` when the run was one shard of a suite (`--shard`).
    public var shard: String?
    /// How many cases the whole suite has (before selection and sharding), to name missing shards.
    public var suiteSize: Int?
    /// The failing, erring and golden-less cases grouped by root cause, most cases first.
    public var findings: [RootCause]?
    /// Departures hidden behind another in every case that has them (`RootCauseAnalysis.maskedCauses`).
    public var maskedFindings: [RootCause]?
    /// The share of spec items honoured and of cases passed.
    public var score: ConformanceScore?
    /// The run's departures judged against a baseline file (`run --baseline`).
    public var baseline: BaselineOutcome?
    /// Requests sent again, by reason (`throttling`, `503`, `5xx`, `dropped`, `timeout`, `refused`); nil when none.
    public var retries: [String: Int]?

    public init(
        tool: String = "neptune-conformance", endpoint: String, apiVersion: String, seed: UInt64, startedAt: String,
        durationSeconds: Double,
        comparison: String, results: [CaseResult], leftovers: [String] = [], notes: [String] = []
    ) {
        self.tool = tool
        self.endpoint = endpoint
        self.apiVersion = apiVersion
        self.seed = seed
        self.startedAt = startedAt
        self.durationSeconds = durationSeconds
        self.comparison = comparison
        self.results = results
        self.leftovers = leftovers
        self.notes = notes
    }

    public func count(_ verdict: Verdict) -> Int { results.filter { $0.verdict == verdict }.count }

    /// 0 when every case passed, 1 when any case failed, errored or lacks its golden. Against a
    /// baseline: 1 only for departures the baseline does not know (and for leftovers).
    public var exitCode: Int32 {
        if !leftovers.isEmpty { return 1 }
        if let baseline { return baseline.new.isEmpty ? 0 : 1 }
        return results.contains { $0.verdict != .passed && $0.verdict != .skipped } ? 1 : 0
    }

    /// Coverage, root causes and score, computed again from the results (after a run, a merge of shards).
    public mutating func triage(spec: ServiceSpec) {
        let table = ConstraintCoverage.table(spec: spec, results: results)
        coverage = table
        findings = RootCauseAnalysis.rootCauses(
            of: results, endpoint: endpoint, url: url, region: region ?? "us-east-1", signingName: spec.signingName)
        let masked = RootCauseAnalysis.maskedCauses(
            of: results, visible: Set((findings ?? []).map(\.id)), endpoint: endpoint, url: url,
            region: region ?? "us-east-1", signingName: spec.signingName)
        maskedFindings = masked.isEmpty ? nil : masked
        score = ConformanceScore(coverage: table, results: results)
    }

    /// Per operation: counts by verdict, operations in the order they first appear.
    public var byOperation: [(operation: String, counts: [Verdict: Int])] {
        var order: [String] = []
        var table: [String: [Verdict: Int]] = [:]
        for result in results {
            if table[result.operation] == nil { order.append(result.operation) }
            table[result.operation, default: [:]][result.verdict, default: 0] += 1
        }
        return order.map { ($0, table[$0]!) }
    }
}

/// One spec item (`<Operation>.BackupRetentionPeriod#range`) and how the run exercised it.
public struct ConstraintCoverage: Sendable, Codable, Equatable {
    public var item: String
    /// Case id -> verdict, for the cases of this run that cover the item.
    public var cases: [String: Verdict]

    public init(item: String, cases: [String: Verdict]) {
        self.item = item
        self.cases = cases
    }

    public var exercised: Bool { !cases.isEmpty }
    public var allPassed: Bool { exercised && cases.values.allSatisfy { $0 == .passed } }

    /// Every spec item, in spec order, with the results that cover it.
    public static func table(spec: ServiceSpec, results: [CaseResult]) -> [ConstraintCoverage] {
        var byItem: [String: [String: Verdict]] = [:]
        for result in results { for item in result.covers { byItem[item, default: [:]][result.id] = result.verdict } }
        return Coverage(spec: spec, cases: []).constraints.map {
            ConstraintCoverage(item: $0, cases: byItem[$0] ?? [:])
        }
    }
}
