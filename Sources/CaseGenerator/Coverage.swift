import ConformanceSpec
import QueryProtocol

/// Which spec items the cases exercise, and which none does.
public struct Coverage: Sendable {
    /// Every constraint, rule and precondition of the spec, as `Operation.Path#keyword` / `Operation#keyword[:param]`.
    public var constraints: [String]
    /// Every supported request parameter, as `Operation.request.Name`.
    public var parameters: [String]
    /// Item -> ids of the cases that cover it.
    public var coveredBy: [String: [String]]

    public init(spec: ServiceSpec, cases: [TestCase]) {
        var constraints: [String] = []
        var parameters: [String] = []
        for operation in spec.operations {
            for member in operation.parameters.members {
                if member.required {
                    constraints.append(SpecItemID.constraint(operation.name, member.name, "required").text)
                }
                if member.unsupported && !operation.unsupported {
                    constraints.append(SpecItemID.constraint(operation.name, member.name, "unsupported").text)
                }
                if !member.unsupported { parameters.append(SpecItemID.requestMember(operation.name, member.name).text) }
                for (path, constraint) in operation.judgedConstraints(of: member) {
                    let key = SpecItemID.constraint(operation.name, path, constraint.keyword).text
                    if !constraints.contains(key) { constraints.append(key) }
                }
            }
            for rule in operation.rules where !constraints.contains(SpecItemID.rule(operation.name, rule.keyword).text)
            {
                constraints.append(SpecItemID.rule(operation.name, rule.keyword).text)
            }
            for condition in operation.preconditions {
                constraints.append(SpecItemID.precondition(operation.name, condition.keyword, condition.parameter).text)
            }
            if let items = operation.paging?.items(operation: operation.name) {
                constraints += [items.walk.text, items.badToken.text]
            }
            constraints += operation.filters.map { $0.item(operation: operation.name).text }
            if spec.resources.lifecycle(lookingUp: operation)?.regional == true {
                constraints.append(SpecItemID.rule(operation.name, "region").text)
            }
        }
        constraints += spec.scenarios.map(\.item.text)
        var coveredBy: [String: [String]] = [:]
        for testCase in cases { for item in testCase.covers { coveredBy[item, default: []].append(testCase.id) } }
        self.constraints = constraints
        self.parameters = parameters
        self.coveredBy = coveredBy
    }

    public var uncoveredConstraints: [String] { constraints.filter { coveredBy[$0] == nil } }

    /// Supported parameters no valid case sends.
    public func uncoveredParameters(cases: [TestCase]) -> [String] {
        let valid = Set(cases.filter { $0.kind == .valid }.flatMap(\.covers))
        return parameters.filter { !valid.contains($0) }
    }
}
