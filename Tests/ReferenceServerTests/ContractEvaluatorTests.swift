import CaseGenerator
import ConformanceSpec
import QueryProtocol
import ReferenceServer
import Testing

/// The validator judges requests from the spec alone, knowing nothing of how cases are made, so it
/// checks the generator: every invalid case breaks exactly one constraint, and that one draws the
/// expected code; every valid request breaks none.
@Suite struct ContractEvaluatorTests {
    static let invalid = Suite.cases.filter { $0.kind == .invalid }
    static let others = Suite.cases.filter { $0.kind == .valid || $0.kind == .stateful }

    @Test(arguments: invalid.map(\.id))
    func invalidCaseBreaksExactlyOneConstraint(_ id: String) throws {
        let testCase = try #require(Suite.cases.first { $0.id == id })
        let operation = try #require(Suite.spec.operation(named: testCase.operation))
        let violations = ContractEvaluator(operation: operation).violations(of: testCase.request)
        #expect(violations.count == 1, "\(violations)")
        guard case .error(let code, _, _, _) = testCase.expectation, let only = violations.first else { return }
        #expect(only.code == code, "\(only)")
        #expect(
            testCase.covers.contains(only.specItem),
            "broke \(only.specItem), the case says it covers \(testCase.covers)")
    }

    @Test func validAndStatefulRequestsBreakNoConstraint() {
        for testCase in Self.others {
            let operation = Suite.spec.operation(named: testCase.operation)!
            // Run-time values are filled in before sending (the runner asks the endpoint): any timestamp stands in,
            // a catalogue value for a catalogue token, and the embedded server's own account resources for account tokens.
            let account = [
                "SubnetId.1": "subnet-0123456789abcdef0", "SubnetId.2": "subnet-0123456789abcdef1",
                "IAMRoleArn": "arn:aws:iam::123456789012:role/NeptuneAccessRole",
                "SnsTopicArn": "arn:aws:sns:us-east-1:123456789012:neptune-conformance-events",
            ]
            let request = testCase.request.filling(
                Dictionary(
                    uniqueKeysWithValues: testCase.request.runtimeValues.map { value in
                        if case .catalogue(let name) = value {
                            return (value, Suite.spec.catalogues[name]?.values.first ?? "")
                        }
                        if case .account(let name) = value { return (value, account[name] ?? "") }
                        return (value, "2024-01-01T00:00:00Z")
                    }))
            let violations = ContractEvaluator(operation: operation).violations(of: request)
            #expect(violations.isEmpty, "\(testCase.id): \(violations)")
            for step in testCase.setup + testCase.teardown {
                guard let stepOperation = Suite.spec.operation(named: step.request.operation) else { continue }
                #expect(
                    ContractEvaluator(operation: stepOperation).violations(of: step.request).isEmpty,
                    "\(testCase.id) step \(step.request.operation)")
            }
        }
    }

    @Test func windowsOverlapAcrossMidnightAndTheWeek() throws {
        func overlap(_ daily: String, _ weekly: String) throws -> Bool {
            TimeWindow.overlap(
                daily: try #require(TimeWindow(daily, format: .daily)),
                weekly: try #require(TimeWindow(weekly, format: .weekly)))
        }
        #expect(try overlap("03:00-03:30", "mon:03:15-mon:03:45"))
        #expect(try overlap("23:45-00:15", "tue:00:00-tue:00:30"))
        #expect(try overlap("00:00-00:30", "sun:23:50-mon:00:20"))
        #expect(try !overlap("03:00-03:30", "mon:03:30-mon:04:00"))
        #expect(try !overlap("03:00-03:30", "wed:02:00-wed:03:00"))
        #expect(TimeWindow("24:00-01:00", format: .daily) == nil)
        #expect(TimeWindow("mon:3:00-mon:04:00", format: .weekly) == nil)
        #expect(TimeWindow("sun:23:30-mon:00:10", format: .weekly)?.length == 40)
    }
}
