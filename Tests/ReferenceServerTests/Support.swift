import CaseGenerator
import ConformanceSpec
import ConformanceTestSupport
import EmulatorTransport
import Foundation
import QueryProtocol
import ReferenceServer

@testable import ConformanceRunner

enum Suite {
    static let spec: ServiceSpec = try! SpecLoader(directory: BuiltCLI.packageRoot.appendingPathComponent("Specs"))
        .load()
    static let cases = CaseGenerator(spec: spec).generate()
    static let goldens = BuiltCLI.packageRoot.appendingPathComponent("Golden").path

    /// Runs `cases` against a fresh emulator with `faults`, in memory (no socket, no port).
    static func run(_ cases: [TestCase], faults: Set<Fault> = []) async -> RunReport {
        let emulator = NeptuneEmulator(
            spec: spec,
            configuration: .init(faults: faults, verifySignatures: NeptuneEmulator.Configuration.localTestingKeys))
        let options = ConformanceRun.Options(concurrency: 8, stateTimeout: .seconds(3))
        let run = ConformanceRun(
            spec: spec, endpoint: Endpoint(url: InMemoryTransport.url, label: "test"), goldenDirectory: goldens,
            options: options,
            transport: InMemoryTransport(emulator: emulator))
        return await run.run(cases).report
    }
}

/// One whole-suite run per fault, shared by the tests that need it (each runs once per process), at
/// most three at a time so that the other tests are not starved of the two cores.
actor FaultRuns {
    static let shared = FaultRuns()
    var runs: [Fault: Task<RunReport, Never>] = [:]
    let gate = AsyncGate(capacity: 3)

    func report(for fault: Fault) async -> RunReport {
        if let task = runs[fault] { return await task.value }
        let gate = self.gate
        let task = Task {
            await gate.enter()
            defer { Task { await gate.leave() } }
            return await Suite.run(FaultRuns.cases(for: fault), faults: [fault])
        }
        runs[fault] = task
        return await task.value
    }
}

extension FaultRuns {
    /// How many parts the cases no fault item concerns are split into: each fault's run takes one part.
    static let parts = 5

    /// The cases a fault's run sends: every case that exercises or reaches the fault's items or is of an operation
    /// whose cases must detect the fault (the operation of a case that exercises them), the cases of the two narrow
    /// faults `anotherFaultsItemsDoNotExplainTheRun` judges with, and one part in `parts` of the rest (by position in
    /// the suite, a different part for consecutive faults). Detection is judged on every case of the fault's items;
    /// "breaks nothing else" on every other case of their operations and a fifth of the rest, so that each case is run
    /// against a fifth of the faults (the conformant server runs them all), which keeps 67 whole-suite runs from
    /// dominating the test time on two cores.
    static func cases(for fault: Fault) -> [TestCase] {
        let reaches = [fault, .stopStoppedCluster, .startAvailableCluster].map {
            FaultReach(fault: $0, spec: Suite.spec)
        }
        let operations = Set(Suite.cases.filter { !reaches[0].exercised(by: $0).isEmpty }.map(\.operation))
        let part = (Fault.allCases.firstIndex(of: fault) ?? 0) % parts
        return Suite.cases.enumerated().filter { position, testCase in
            position % parts == part || operations.contains(testCase.operation)
                || reaches.contains { !$0.exercised(by: testCase).isEmpty || $0.isReached(by: testCase) }
        }.map(\.element)
    }
}
