import CaseGenerator
import ConformanceSpec
import Foundation
import XMLCompare

/// What one target answered to one case, reduced to what parity compares.
public struct ParitySide: Sendable, Codable, Equatable {
    public var verdict: Verdict
    public var status: Int?
    /// The error code of an error answer.
    public var code: String?
    public var reason: String?
    public var body: String?

    /// What must be equal for two targets to agree: the status, the error code, the verdict, and
    /// where the answer departs from the contract (finding kinds and paths).
    public var signature: String
}

/// One case's answers from both targets.
public struct ParityCase: Sendable, Codable, Equatable {
    public var id: String
    public var operation: String
    public var covers: [String]
    public var agree: Bool
    /// Why the case was not compared: one target skipped it (the two are configured differently,
    /// e.g. one checks signatures and the other does not). Such a case neither agrees nor disagrees.
    public var notCompared: String?
    public var first: ParitySide
    public var second: ParitySide
    /// The second answer against a template of the first (values that vary as placeholders), with XPaths.
    public var differences: [Finding]
}

/// Agreement counts for one row of the matrix (an operation or a spec item).
public struct ParityRow: Sendable, Codable, Equatable {
    public var name: String
    public var agree: Int
    public var disagree: Int
}

public struct ParityReport: Sendable, Codable, Equatable {
    public var first: String
    public var second: String
    public var startedAt: String
    public var cases: [ParityCase]
    public var operations: [ParityRow]
    public var constraints: [ParityRow]

    public var disagreements: [ParityCase] { cases.filter { !$0.agree && $0.notCompared == nil } }
    /// Cases one target skipped, so the pair cannot be compared on them.
    public var uncompared: [ParityCase] { cases.filter { $0.notCompared != nil } }
    /// Cases compared on both targets.
    public var compared: [ParityCase] { cases.filter { $0.notCompared == nil } }

    /// The reasons cases were not compared, with their counts, most frequent first.
    public var uncomparedReasons: [(reason: String, count: Int)] {
        var counts: [String: Int] = [:]
        for item in uncompared { counts[item.notCompared!, default: 0] += 1 }
        return counts.map { ($0.key, $0.value) }.sorted {
            $0.count != $1.count ? $0.count > $1.count : $0.reason < $1.reason
        }
    }
    public var exitCode: Int32 { disagreements.isEmpty ? 0 : 1 }

    /// Compares two run reports of the same cases.
    public init(spec: ServiceSpec, cases testCases: [TestCase], first: RunReport, second: RunReport, startedAt: String)
    {
        self.first = first.endpoint
        self.second = second.endpoint
        self.startedAt = startedAt
        let seconds = Dictionary(second.results.map { ($0.id, $0) }, uniquingKeysWith: { one, _ in one })
        let byId = Dictionary(testCases.map { ($0.id, $0) }, uniquingKeysWith: { one, _ in one })
        let recorder = GoldenRecorder(
            spec: spec, resourcePrefix: CaseGenerator(spec: spec, seed: first.seed).resourcePrefix,
            endpointKind: "parity")
        var compared: [ParityCase] = []
        for result in first.results {
            guard let other = seconds[result.id] else { continue }
            let a = Self.side(result)
            let b = Self.side(other)
            var differences: [Finding] = []
            let notCompared = Self.notCompared(result, other, first: first.endpoint, second: second.endpoint)
            if a.signature != b.signature && notCompared == nil {
                if a.status != b.status {
                    differences.append(
                        Finding(
                            kind: .status, path: "(HTTP status)", expected: a.status.map(String.init),
                            found: b.status.map(String.init)))
                }
                if a.code != b.code {
                    differences.append(
                        Finding(
                            kind: .code, path: "/ErrorResponse/Error/Code", expected: a.code ?? "no error",
                            found: b.code ?? "no error"))
                }
                if a.verdict == .errored || b.verdict == .errored {
                    differences.append(
                        Finding(
                            kind: .errored, path: "/", expected: a.reason ?? a.verdict.rawValue,
                            found: b.reason ?? b.verdict.rawValue))
                }
                if let testCase = byId[result.id] {
                    differences += Self.difference(a.body, b.body, testCase: testCase, spec: spec, recorder: recorder)
                }
            }
            compared.append(
                ParityCase(
                    id: result.id, operation: result.operation, covers: result.covers,
                    agree: a.signature == b.signature,
                    notCompared: notCompared, first: a, second: b, differences: differences))
        }
        cases = compared
        let judged = compared.filter { $0.notCompared == nil }
        operations = Self.rows(judged.map { ($0.operation, $0.agree) })
        let items = Coverage(spec: spec, cases: []).constraints
        let coveredRows = Self.rows(judged.flatMap { item in item.covers.map { ($0, item.agree) } })
        constraints = items.compactMap { name in coveredRows.first { $0.name == name } }
    }

    /// A case that one target skipped is not compared: the skip says the two are set up differently
    /// (a signature case where only one target checks signatures), not that they answer differently.
    static func notCompared(
        _ first: CaseResult, _ second: CaseResult, first firstName: String, second secondName: String
    ) -> String? {
        switch (first.verdict == .skipped, second.verdict == .skipped) {
        case (false, false): nil
        case (true, true): "skipped on both targets: \(first.reason ?? "no reason given")"
        case (true, false):
            "skipped on \(firstName) only (the targets are configured differently): \(first.reason ?? "no reason given")"
        case (false, true):
            "skipped on \(secondName) only (the targets are configured differently): \(second.reason ?? "no reason given")"
        }
    }

    static func rows(_ pairs: [(String, Bool)]) -> [ParityRow] {
        var order: [String] = []
        var table: [String: ParityRow] = [:]
        for (name, agree) in pairs {
            if table[name] == nil {
                order.append(name)
                table[name] = ParityRow(name: name, agree: 0, disagree: 0)
            }
            if agree { table[name]!.agree += 1 } else { table[name]!.disagree += 1 }
        }
        return order.map { table[$0]! }
    }

    static func side(_ result: CaseResult) -> ParitySide {
        let tree = result.actualBody.flatMap { try? SafeXMLParser().parse($0) }
        let code = tree.flatMap(ErrorEnvelope.init)?.code
        let departures = result.findings.filter { !$0.warning && $0.kind != .provenance }.map {
            "\($0.kind)@\($0.path)"
        }.sorted()
        let transport = result.verdict == .errored ? (result.reason ?? "") : ""
        let signature =
            "\(result.verdict.rawValue)|\(result.actualStatus.map(String.init) ?? "-")|\(code ?? "-")|\(departures.joined(separator: ","))|\(transport.prefix(40))"
        return ParitySide(
            verdict: result.verdict, status: result.actualStatus, code: code, reason: result.reason,
            body: result.actualBody, signature: signature)
    }

    static func difference(
        _ first: String?, _ second: String?, testCase: TestCase, spec: ServiceSpec, recorder: GoldenRecorder
    ) -> [Finding] {
        let parser = SafeXMLParser()
        guard let first, let second else {
            return [
                Finding(
                    kind: .missing, path: "/", expected: first == nil ? "no answer" : "an answer",
                    found: second == nil ? "no answer" : "an answer")
            ]
        }
        guard let a = try? parser.parse(first) else {
            return [
                Finding(
                    kind: .notXML, path: "/", expected: "XML from the first target", found: String(first.prefix(120)))
            ]
        }
        guard let b = try? parser.parse(second) else {
            return [
                Finding(
                    kind: .notXML, path: "/", expected: "XML like the first target's", found: String(second.prefix(120))
                )
            ]
        }
        guard let template = try? parser.parse(recorder.golden(from: a, for: testCase)) else { return [] }
        let context: ShapeContext =
            spec.operation(named: testCase.request.operation).map { .successRoot($0) } ?? .unknown
        let comparison = GoldenComparison(
            mode: .strict, inputs: testCase.request.flattenedInputs,
            context: a.root.name == "ErrorResponse" ? .errorRoot : context)
        return comparison.compare(golden: template, actual: b).map(AnswerJudge.finding)
    }
}
