import CaseGenerator
import ConformanceRunner
import ConformanceSpec
import ConformanceTestSupport
import Foundation
import ReferenceServer
import Testing

/// Silence on the conformant server, detection of every fault: the suite's power, measured.
@Suite struct ConformanceAndFaultTests {
    @Test func theWholeSuitePassesOnTheConformantServer() async {
        let report = await Suite.run(Suite.cases)
        #expect(report.results.count == Suite.cases.count)
        let problems = report.results.filter { $0.verdict != .passed }
        #expect(
            problems.isEmpty,
            "\(problems.prefix(10).map { "\($0.id): \($0.verdict.rawValue): \($0.reason ?? "")" }.joined(separator: "\n"))"
        )
        #expect(report.leftovers.isEmpty, "\(report.leftovers)")
    }

    /// The whole suite against the server with this fault alone: the fault is caught by the cases of the spec
    /// items it names, and breaks nothing else.
    @Test(arguments: Fault.allCases)
    func faultIsDetected(_ fault: Fault) async {
        let report = await FaultRuns.shared.report(for: fault)
        let (problems, summary) = Self.problems(of: FaultReach(fault: fault, spec: Suite.spec), in: report)
        print("fault \(fault.rawValue): \(summary)")
        #expect(problems.isEmpty, "\(fault.rawValue):\n\(problems.joined(separator: "\n"))")
    }

    @Test func mutationScoreIsComplete() async throws {
        var detected: [Fault] = []
        for fault in Fault.allCases {
            let report = await FaultRuns.shared.report(for: fault)
            if Self.problems(of: FaultReach(fault: fault, spec: Suite.spec), in: report).problems.isEmpty {
                detected.append(fault)
            }
        }
        let score = Double(detected.count) / Double(Fault.allCases.count) * 100
        print(
            "mutation score: \(detected.count)/\(Fault.allCases.count) faults detected by the cases of the items they name (\(String(format: "%.0f", score))%)"
        )
        #expect(
            detected.count == Fault.allCases.count,
            "undetected: \(Set(Fault.allCases).subtracting(detected).map(\.rawValue))")
        let readme = try #require(ReadmeCounts.ofThisPackage, "README.md states no fault count")
        #expect(Fault.allCases.count == readme.faults, "README.md says \(readme.faults) faults")
        #expect(readme.mutationScore == (detected.count, Fault.allCases.count), "README.md's mutation score")
    }

    /// The check has teeth: a fault's run judged by the items of a fault that one case catches
    /// (stop-stopped-cluster, or start-available-cluster for that one) is refused: that case passes, and the
    /// run's failures lie outside those items. (Faults whose items reach the same cases, such as
    /// wrong-element-type and missing-request-id, which both spoil every success answer, cannot tell each
    /// other's runs apart; that is why the judge is a narrow fault.)
    @Test(arguments: Fault.allCases)
    func anotherFaultsItemsDoNotExplainTheRun(_ fault: Fault) async throws {
        let other: Fault = fault == .stopStoppedCluster ? .startAvailableCluster : .stopStoppedCluster
        let report = await FaultRuns.shared.report(for: fault)
        let (problems, _) = Self.problems(of: FaultReach(fault: other, spec: Suite.spec), in: report)
        #expect(!problems.isEmpty, "the run with \(fault.rawValue) passes as if it were \(other.rawValue)")
    }

    /// Why a run with a fault does not prove it caught exactly where it says (empty when it does), given the
    /// items the fault names (`reach`):
    /// - every item the fault names is a spec item (one the coverage report lists, or an answer, error,
    ///   envelope or lower-casing item of the spec);
    /// - (a) for every named item that some case exercises, at least one of those cases fails (a
    ///   non-conformance, not an error). Not all of them must: cases within an item the fault leaves alone
    ///   still pass (malformed windows under accept-short-windows, valid boundaries under the accept-*
    ///   faults, success answers that do not carry the broken value, an upper-case existing identifier that
    ///   the case-keeping look-up still finds), and cases whose set-up the fault spoils error;
    /// - (b) every case that exercises none of the named items and whose set-up does not reach them passes:
    ///   the fault breaks nothing it does not claim.
    static func problems(of reach: FaultReach, in report: RunReport) -> (problems: [String], summary: String) {
        let verdicts = Dictionary(uniqueKeysWithValues: report.results.map { ($0.id, $0.verdict) })
        var problems: [String] = []
        if reach.items.isEmpty { problems.append("names no spec item") }
        let unknown = reach.unknownItems(coverage: Coverage(spec: Suite.spec, cases: Suite.cases))
        if !unknown.isEmpty { problems.append("names items the spec does not have: \(unknown)") }
        var exercising: [String: [String]] = [:]
        var untouched: [String] = []
        for testCase in Suite.cases {
            let items = reach.exercised(by: testCase)
            for item in items { exercising[item, default: []].append(testCase.id) }
            if items.isEmpty, !reach.isReached(by: testCase) { untouched.append(testCase.id) }
        }
        if exercising.isEmpty { problems.append("no case exercises any of \(reach.items)") }
        for (item, ids) in exercising.sorted(by: { $0.key < $1.key })
        where !ids.contains(where: { verdicts[$0] == .failed }) {
            problems.append(
                "(a) none of the \(ids.count) cases of \(item) failed, e.g. \(ids[0]): \(verdicts[ids[0]]?.rawValue ?? "not run")"
            )
        }
        // A case the fault's run did not send (`FaultRuns.cases`) says nothing.
        for id in untouched where verdicts[id] != nil && verdicts[id] != .passed {
            problems.append(
                "(b) \(id) exercises none of the fault's items yet is \(verdicts[id]?.rawValue ?? "not run")")
        }
        let exercisingCases = Set(exercising.values.joined())
        let summary =
            "\(reach.items.count) items, \(exercisingCases.count) cases exercise them (\(exercisingCases.filter { verdicts[$0] == .failed }.count) fail), "
            + "\(Suite.cases.count - exercisingCases.count - untouched.count) more reach them, the other \(untouched.count) pass"
        return (problems, summary)
    }
}
