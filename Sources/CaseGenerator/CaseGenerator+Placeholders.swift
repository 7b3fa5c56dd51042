import ConformanceSpec

extension CaseGenerator {
    /// Where generated requests carry the generator's placeholder value (`ValueFactory.placeholder`), which no
    /// endpoint would take as valid: in any set-up step, and in the request of a case that expects a success. One
    /// located line each (`<case id>: request <operation> <member path>=value1`); empty when every value came
    /// from the spec (an `example:`, a constraint, a catalogue or account token, a resource set-up made).
    public static func placeholders(in cases: [TestCase]) -> [String] {
        var found: [String] = []
        for testCase in cases {
            for (index, step) in testCase.setup.enumerated() {
                found += paths(in: step.request).map { "\(testCase.id): set-up step \(index + 1) \($0)" }
            }
            switch testCase.expectation {
            case .success, .anySuccess, .pages:
                found += paths(in: testCase.request).map { "\(testCase.id): request \($0)" }
            case .error, .anyClientError: break
            }
        }
        return found
    }

    /// `Path=value` for each scalar of `request` that is the placeholder.
    static func paths(in request: Request) -> [String] {
        var found: [String] = []
        func walk(_ value: ParameterValue, _ path: String) {
            switch value {
            case .scalar(let text): if text == ValueFactory.placeholder { found.append("\(path)=\(text)") }
            case .list(let items): for (index, item) in items.enumerated() { walk(item, "\(path).\(index + 1)") }
            case .structure(let members): for member in members { walk(member.value, "\(path).\(member.name)") }
            }
        }
        for parameter in request.parameters { walk(parameter.value, "\(request.operation) \(parameter.name)") }
        return found
    }
}
