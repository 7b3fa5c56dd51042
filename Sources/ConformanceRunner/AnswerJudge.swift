import CaseGenerator
import ConformanceSpec
import QueryProtocol
import Transport
import XMLCompare

/// Judges one answer against a case's expectation: HTTP status, the XML against the golden (success)
/// or the error code and fault type (errors), and the answer's shape against the spec.
public struct AnswerJudge: Sendable {
    public let spec: ServiceSpec
    public var mode: ComparisonMode
    /// The region requests are signed for, which derived values (`{region}` in ARNs and hosts) name; nil: any region.
    public var region: String?
    let parser = SafeXMLParser()

    public init(spec: ServiceSpec, mode: ComparisonMode = .strict, region: String? = nil) {
        self.spec = spec
        self.mode = mode
        self.region = region
    }

    /// The same judge for answers to requests signed for `region`.
    public func signed(for region: String?) -> AnswerJudge {
        var judge = self
        judge.region = region
        return judge
    }

    var checker: ShapeChecker { ShapeChecker(spec: spec, mode: mode, region: region) }

    /// The findings for an answer (errors and warnings). `golden` is needed for success expectations.
    public func judge(_ answer: HTTPAnswer, expectation: Expectation, request: Request, golden: XMLTree?) -> [Finding] {
        var findings: [Finding] = []
        let tree: XMLTree
        do {
            tree = try parser.parse(answer.body)
        } catch {
            switch expectation {
            case .success, .anySuccess, .pages:
                if answer.status != 200 {
                    findings.append(
                        Finding(kind: .status, path: "(HTTP status)", expected: "200", found: "\(answer.status)"))
                }
            case .error(_, let status, _, _):
                if answer.status != status {
                    findings.append(
                        Finding(kind: .status, path: "(HTTP status)", expected: "\(status)", found: "\(answer.status)"))
                }
            case .anyClientError:
                if !(400..<500).contains(answer.status) {
                    findings.append(
                        Finding(kind: .status, path: "(HTTP status)", expected: "4xx", found: "\(answer.status)"))
                }
            }
            let snippet = String(answer.body.prefix(120)).replacingOccurrences(of: "\n", with: " ")
            findings.append(
                Finding(
                    kind: .notXML, path: "/", expected: "an XML answer",
                    found: "\(error.description); body begins '\(snippet)'"))
            return findings
        }
        switch expectation {
        case .anySuccess, .pages:
            if answer.status != 200 {
                findings.append(
                    Finding(
                        kind: .status, path: "(HTTP status)", expected: "200",
                        found: "\(answer.status)\(Self.errorSummary(tree))"))
                return findings
            }
            if let operation = spec.operation(named: request.operation) {
                findings += checker.checkSuccess(tree, operation: operation).map(
                    Self.finding)
            }
        case .anyClientError:
            if !(400..<500).contains(answer.status) {
                findings.append(
                    Finding(kind: .status, path: "(HTTP status)", expected: "4xx", found: "\(answer.status)"))
            }
            guard ErrorEnvelope(tree) != nil else {
                findings.append(
                    Finding(
                        kind: .code, path: "/ErrorResponse/Error/Code", expected: "an AWS error envelope",
                        found: "root <\(tree.root.name)>"))
                return findings
            }
            findings += checker.checkError(tree).map(Self.finding)
        case .success:
            if answer.status != 200 {
                findings.append(
                    Finding(
                        kind: .status, path: "(HTTP status)", expected: "200",
                        found: "\(answer.status)\(Self.errorSummary(tree))"))
                return findings
            }
            guard let operation = spec.operation(named: request.operation) else { return findings }
            var differences = checker.checkSuccess(tree, operation: operation)
            if let golden {
                let comparison = GoldenComparison(
                    mode: mode, inputs: request.flattenedInputs, context: .successRoot(operation))
                for difference in comparison.compare(golden: golden, actual: tree)
                where !differences.contains(difference) {
                    differences.append(difference)
                }
            }
            findings += differences.map(Self.finding)
        case .error(let code, let status, let type, _):
            if answer.status != status {
                findings.append(
                    Finding(kind: .status, path: "(HTTP status)", expected: "\(status)", found: "\(answer.status)"))
            }
            guard let envelope = ErrorEnvelope(tree) else {
                findings.append(
                    Finding(
                        kind: .code, path: "/ErrorResponse/Error/Code", expected: code,
                        found: "no error envelope: root <\(tree.root.name)>"))
                return findings
            }
            if envelope.code != code {
                findings.append(
                    Finding(kind: .code, path: "/ErrorResponse/Error/Code", expected: code, found: envelope.code))
            }
            if envelope.type != type {
                findings.append(
                    Finding(kind: .value, path: "/ErrorResponse/Error/Type", expected: type, found: envelope.type))
            }
            findings += checker.checkError(tree).map(Self.finding)
        }
        return findings
    }

    static func finding(_ difference: XMLDifference) -> Finding {
        Finding(
            kind: Finding.Kind(difference.kind), path: difference.path, expected: difference.expected,
            found: difference.found, warning: difference.severity == .warning,
            evidence: difference.evidence)
    }

    static func errorSummary(_ tree: XMLTree) -> String {
        guard let envelope = ErrorEnvelope(tree) else { return "" }
        return " (\(envelope.code): \(envelope.message.prefix(160)))"
    }
}
