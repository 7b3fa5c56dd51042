import ConformanceSpec

/// Where a case's expectation comes from: an error code the operation's documented error list (botocore's model,
/// the API reference) or the AWS common errors name, a code the spec marks `inferred`, or an answer shape the API
/// reference gives. Every case carries one, so every departure can say how strong its ground is.
public struct CaseEvidence: Sendable {
    public let spec: ServiceSpec

    public init(spec: ServiceSpec) { self.spec = spec }

    /// The evidence of `testCase`'s expectation.
    public func evidence(of testCase: TestCase) -> Evidence {
        let item = testCase.covers.first ?? testCase.id
        switch testCase.expectation {
        case .error(let code, _, _, let inferred):
            if inferred {
                return Evidence(
                    .inferred,
                    source: "no public source names \(code) for \(item); the spec marks it inferred "
                        + "(Specs/operations/\(testCase.operation).yaml)")
            }
            if let operation = spec.operation(named: testCase.operation), operation.errors.contains(code) {
                return Evidence(
                    .documented,
                    source: "botocore's model and the API reference list \(code) among \(testCase.operation)'s errors")
            }
            if spec.errors[code]?.common == true {
                return Evidence(.documented, source: "AWS common errors (Query API reference): \(code)")
            }
            return Evidence(
                .inferred,
                source: "\(code) is neither among \(testCase.operation)'s documented errors nor a common error")
        case .success(let golden):
            return Evidence(
                .documented,
                source: "API reference, \(testCase.operation): response elements (Golden/\(golden).xml)")
        case .anySuccess(let source):
            return Evidence(.documented, source: source)
        case .anyClientError:
            return Evidence(
                .documented, source: "AWS Query API: a malformed request is a client error with an error envelope")
        case .pages:
            return Evidence(
                .documented, source: "API reference, \(testCase.operation): MaxRecords and Marker")
        }
    }
}
