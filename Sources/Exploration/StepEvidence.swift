import ConformanceSpec
import XMLCompare

/// Where the reference's answer to a step stands in the sources: an error code the operation's documented errors
/// or the common errors name, one a precondition or `resources.yaml` marks inferred, or a documented answer shape.
struct StepEvidence {
    let spec: ServiceSpec

    func evidence(of step: ExploreStep, reference: SideAnswer) -> Evidence {
        let operation = step.operation
        guard let code = reference.tree.flatMap(ErrorCodeReader.code) else {
            return Evidence(.documented, source: "API reference, \(operation): response elements")
        }
        let spec = self.spec
        let operationSpec = spec.operation(named: operation)
        if let condition = operationSpec?.preconditions.first(where: { $0.error == code && $0.inferred }) {
            return Evidence(
                .inferred,
                source: "no public source names \(code) for \(operation)'s \(condition.keyword) precondition on "
                    + "\(condition.parameter); the spec marks it inferred (Specs/operations/\(operation).yaml)")
        }
        if let arn = spec.resources.lifecycle(of: step.kind)?.arn, arn.inferred, arn.notFound == code,
            step.role == .tagging
        {
            return Evidence(
                .inferred,
                source: "\(code) for a missing \(step.kind.rawValue) named by ARN is inferred (Specs/resources.yaml)")
        }
        if operationSpec?.errors.contains(code) == true {
            return Evidence(
                .documented, source: "botocore's model and the API reference list \(code) among \(operation)'s errors")
        }
        if spec.errors[code]?.common == true {
            return Evidence(.documented, source: "AWS common errors (Query API reference): \(code)")
        }
        return Evidence(
            .inferred, source: "\(code) is neither among \(operation)'s documented errors nor a common error")
    }

    /// The evidence the spec gives for the answer member at `path` (its last element), if it gives one.
    func memberEvidence(at path: String, in operation: String) -> Evidence? {
        guard let output = spec.operation(named: operation)?.output else { return nil }
        let names = path.split(separator: "/").map { String($0.split(separator: "[")[0]) }
        guard let leaf = names.last else { return nil }
        return Self.find(leaf, in: output, depth: 0)
    }

    private static func find(_ name: String, in structure: StructureSpec, depth: Int) -> Evidence? {
        guard depth < 6 else { return nil }
        for member in structure.members {
            if member.name == name, let evidence = member.evidence { return evidence }
            switch member.type {
            case .structure(let inner): if let found = find(name, in: inner, depth: depth + 1) { return found }
            case .list(let list):
                if case .structure(let inner) = list.member, let found = find(name, in: inner, depth: depth + 1) {
                    return found
                }
            default: continue
            }
        }
        return nil
    }
}

/// The error code of an answer, when it is an error envelope.
enum ErrorCodeReader {
    static func code(_ tree: XMLTree) -> String? { ErrorEnvelope(tree)?.code }
}
