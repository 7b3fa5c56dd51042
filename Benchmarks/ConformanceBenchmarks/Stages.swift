import CaseGenerator
import ComplianceReport
import ConformanceRunner
import ConformanceSpec
import ConformanceTargets
import Foundation

/// What grows with the number of operations and cases, stage by stage, for the whole suite: reading `Specs/`,
/// generating the cases, reading and parsing every golden they name, running them against the embedded server,
/// and rendering each report format. Medians of `repeats`.
func stagesBenchmark(repeats: Int) async throws {
    func median(_ body: () throws -> Void) rethrows -> Double {
        var times: [Double] = []
        for _ in 0..<repeats {
            let started = ContinuousClock.now
            try body()
            times.append(seconds(ContinuousClock.now - started))
        }
        return times.sorted()[times.count / 2]
    }
    let directory = SpecLocation.defaultDirectory()
    var spec = try SpecLoader(directory: directory).load()
    let load = try median { spec = try SpecLoader(directory: directory).load() }
    var cases: [TestCase] = []
    let generate = median { cases = CaseGenerator(spec: spec).generate() }
    let goldenDirectory = SpecLocation.packageRoot.appendingPathComponent("Golden").path
    let store = GoldenStore(directory: goldenDirectory)
    let names = cases.compactMap { testCase -> String? in
        if case .success(let name) = testCase.expectation { name } else { nil }
    }
    var parsed = 0
    let goldens = median {
        for name in names { if case .found = store.load(name) { parsed += 1 } }
    }
    var runs: [Double] = []
    var report: RunReport?
    for _ in 0..<repeats {
        let started = ContinuousClock.now
        report = try await TargetRunner.run(
            .embedded, settings: TargetSettings(), spec: spec, cases: cases, goldens: goldenDirectory,
            options: .init()
        ).report
        runs.append(seconds(ContinuousClock.now - started))
    }
    print(
        String(
            format: "stages: %d operations, %d scenarios, %d cases, %d goldens (medians of %d)",
            spec.operations.count, spec.scenarios.count, cases.count, names.count, repeats))
    print(String(format: "  spec load            %8.1f ms", load * 1e3))
    print(String(format: "  case generation      %8.1f ms", generate * 1e3))
    print(String(format: "  goldens read+parsed  %8.1f ms (all %d, as the run reads them)", goldens * 1e3, names.count))
    print(String(format: "  run (embedded)       %8.1f ms", runs.sorted()[runs.count / 2] * 1e3))
    guard let report else { return }
    for format in ReportFormat.allCases {
        var size = 0
        let render = try median { size = try format.render(report).utf8.count }
        print(
            String(
                format: "  report %-13@ %8.1f ms (%.0f KiB)", format.fileName as NSString, render * 1e3,
                Double(size) / 1024))
    }
}
