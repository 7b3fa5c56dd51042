import CaseGenerator
@testable import ConformanceRunner
import ConformanceSpec
import ConformanceTestSupport
import Foundation
import QueryProtocol
import ReferenceServer

enum Suite {
    static let spec: ServiceSpec = try! SpecLoader(directory: BuiltCLI.packageRoot.appendingPathComponent("Specs")).load()
    static let cases = CaseGenerator(spec: spec).generate()
    static let goldens = BuiltCLI.packageRoot.appendingPathComponent("Golden").path

    /// Runs `cases` against a fresh embedded server with `faults`.
    static func run(_ cases: [TestCase], faults: Set<Fault> = []) async throws -> RunReport {
        let emulator = NeptuneEmulator(spec: spec, configuration: .init(faults: faults, verifySignatures: NeptuneEmulator.Configuration.localTestingKeys))
        let options = ConformanceRun.Options(concurrency: 8, stateTimeout: .seconds(3))
        return try await ReferenceServer.withRunning(emulator: emulator) { url in
            await ConformanceRun(spec: spec, endpoint: Endpoint(url: url, label: "test"), goldenDirectory: goldens, options: options).run(cases).report
        }
    }
}

/// One whole-suite run per fault, shared by the tests that need it (each runs once per process), at
/// most three at a time so that the other tests are not starved of the two cores.
actor FaultRuns {
    static let shared = FaultRuns()
    var runs: [Fault: Task<RunReport, any Error>] = [:]
    let gate = AsyncGate(capacity: 3)

    func report(for fault: Fault) async throws -> RunReport {
        if let task = runs[fault] { return try await task.value }
        let gate = self.gate
        let task = Task {
            await gate.enter()
            defer { Task { await gate.leave() } }
            return try await Suite.run(Suite.cases, faults: [fault])
        }
        runs[fault] = task
        return try await task.value
    }
}
