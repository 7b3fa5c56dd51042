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
            return await Suite.run(Suite.cases, faults: [fault])
        }
        runs[fault] = task
        return await task.value
    }
}
