import ConformanceRunner
import ConformanceSpec
import XMLCompare

/// Compares the target's answer to one step with the reference's: the HTTP status, the error code and type, and
/// the members of a success answer (the suite's `GoldenComparison`, with the reference's normalised answer as the
/// template). Each finding carries the evidence of what the reference answered.
public struct LockstepJudge: Sendable {
    public let spec: ServiceSpec

    public init(spec: ServiceSpec) { self.spec = spec }

    /// The departures of `target` from `reference`; empty when they agree. `names` keeps the pairs of made-up
    /// identifiers the sequence's answers showed so far.
    public func judge(_ step: ExploreStep, reference: SideAnswer, target: SideAnswer, names: inout AnswerNormaliser)
        -> [Finding]
    {
        let evidence = StepEvidence(spec: spec).evidence(of: step, reference: reference)
        func finding(_ kind: Finding.Kind, _ path: String, _ expected: String?, _ found: String?) -> Finding {
            Finding(kind: kind, path: path, expected: expected, found: found, evidence: evidence)
        }
        switch (reference.failure, target.failure) {
        case (nil, nil): break
        case (.some, .some): return []
        case (let reason?, nil):
            return [finding(.errored, "/", "no request: \(reason)", target.status.map { "HTTP \($0)" })]
        case (nil, let reason?):
            return [finding(.errored, "/", reference.status.map { "HTTP \($0)" }, reason)]
        }
        var findings: [Finding] = []
        if reference.status != target.status {
            findings.append(
                finding(.status, "(HTTP status)", reference.status.map(String.init), target.status.map(String.init)))
        }
        guard let expected = reference.tree else { return findings }
        guard let actual = target.tree else {
            let text = (target.body ?? "").prefix(120)
            return findings + [finding(.notXML, "/", "XML like the reference's", String(text))]
        }
        let expectedError = ErrorEnvelope(expected)
        let actualError = ErrorEnvelope(actual)
        if expectedError != nil || actualError != nil {
            if expectedError?.code != actualError?.code {
                findings.append(
                    finding(
                        .code, "/ErrorResponse/Error/Code", expectedError?.code ?? "no error",
                        actualError?.code ?? "no error (\(actual.root.name))"))
            } else if let one = expectedError, let two = actualError, one.type != two.type {
                findings.append(finding(.value, "/ErrorResponse/Error/Type", one.type, two.type))
            }
            return findings
        }
        names.scope = step.inSecondRegion ? "second:" : "first:"
        let template = XMLTree(root: names.template(expected.root))
        let answer = XMLTree(root: names.align(actual.root, with: expected.root))
        let context: ShapeContext = spec.operation(named: step.operation).map { .successRoot($0) } ?? .unknown
        let comparison = GoldenComparison(mode: .strict, context: context)
        for difference in comparison.compare(golden: template, actual: answer) {
            var item = finding(
                Finding.Kind(difference.kind), difference.path, difference.expected, difference.found)
            item.warning = difference.severity == .warning
            item.evidence = StepEvidence(spec: spec).memberEvidence(at: difference.path, in: step.operation) ?? evidence
            findings.append(item)
        }
        return findings
    }
}
