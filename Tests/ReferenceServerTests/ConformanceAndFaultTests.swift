import CaseGenerator
import ConformanceRunner
import ConformanceSpec
import Foundation
import ReferenceServer
import Testing

/// Silence on the conformant server, detection of every fault: the suite's power, measured.
@Suite struct ConformanceAndFaultTests {
    @Test func theWholeSuitePassesOnTheConformantServer() async {
        let report = await Suite.run(Suite.cases)
        #expect(report.results.count == Suite.cases.count)
        let problems = report.results.filter { $0.verdict != .passed }
        #expect(problems.isEmpty, "\(problems.prefix(10).map { "\($0.id): \($0.verdict.rawValue): \($0.reason ?? "")" }.joined(separator: "\n"))")
        #expect(report.leftovers.isEmpty, "\(report.leftovers)")
    }

    /// The whole suite against the server with this fault alone: at least one case of the operations
    /// the fault touches fails (a non-conformance, not an error).
    @Test(arguments: Fault.allCases)
    func faultIsDetected(_ fault: Fault) async {
        let report = await FaultRuns.shared.report(for: fault)
        let failed = report.results.filter { $0.verdict == .failed }
        let onTarget = failed.filter { fault.operations.contains($0.operation) }
        #expect(!onTarget.isEmpty, "no case of \(fault.operations) detected \(fault.rawValue)")
        print("fault \(fault.rawValue): \(onTarget.count) failing cases of \(fault.operations.joined(separator: ", ")), e.g. \(onTarget.first?.id ?? "none"): \(onTarget.first?.reason ?? "")")
    }

    @Test func mutationScoreIsComplete() async {
        var detected: [Fault] = []
        for fault in Fault.allCases {
            let report = await FaultRuns.shared.report(for: fault)
            if report.results.contains(where: { $0.verdict == .failed && fault.operations.contains($0.operation) }) { detected.append(fault) }
        }
        let score = Double(detected.count) / Double(Fault.allCases.count) * 100
        print("mutation score: \(detected.count)/\(Fault.allCases.count) faults detected (\(String(format: "%.0f", score))%)")
        #expect(detected.count == Fault.allCases.count, "undetected: \(Set(Fault.allCases).subtracting(detected).map(\.rawValue))")
        #expect(Fault.allCases.count >= 15)
    }
}
