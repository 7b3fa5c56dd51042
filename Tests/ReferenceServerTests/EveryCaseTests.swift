import ConformanceRunner
import ConformanceTestSupport
import ReferenceServer
import Testing

/// Every generated case on its own line of `swift test`, through the public `ConformanceSuite` API that
/// users put in their own tests, against one reference server shared by all of them (as a user's
/// endpoint would be): the cases must pass one by one and side by side.
@Suite struct EveryCaseTests {
    static let suite = try! ConformanceSuite(specDirectory: BuiltCLI.packageRoot.appendingPathComponent("Specs"), goldenDirectory: Suite.goldens, options: .init(stateTimeout: .seconds(5)))

    /// One server for the whole process, started on first use (its port read from a stream, which a server
    /// that stops later cannot resume twice).
    static let server = Task<String, any Error> {
        let emulator = NeptuneEmulator(spec: Suite.spec, configuration: .init(verifySignatures: NeptuneEmulator.Configuration.localTestingKeys))
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        Task {
            try? await ReferenceServer(emulator: emulator).run { port in continuation.yield(port) }
            continuation.finish()
        }
        guard let port = await ports.first(where: { _ in true }) else { throw ServerDidNotStart() }
        return "http://127.0.0.1:\(port)"
    }

    struct ServerDidNotStart: Error {}

    @Test(arguments: suite.caseIDs)
    func conformsOnTheReferenceServer(_ id: String) async throws {
        let url = try await Self.server.value
        let result = await Self.suite.check(id, against: Endpoint(url: url, label: "shared"))
        #expect(result.verdict == .passed, "\(result.explanation)")
    }

    @Test func anUnknownIdSaysSo() async {
        let result = await Self.suite.check("CreateDBCluster/valid/no-such-case", against: Endpoint(url: "http://127.0.0.1:9"))
        #expect(result.verdict == .errored && result.reason?.contains("no case has the id") == true)
    }

    /// The explanation carries what a failing expectation must show: the verdict, the reason, each finding.
    @Test func aDepartureIsExplained() async throws {
        let emulator = NeptuneEmulator(spec: Suite.spec, configuration: .init(faults: [.stopStoppedCluster]))
        let result = try await ReferenceServer.withRunning(emulator: emulator) { url in
            await Self.suite.check("StopDBCluster/stateful/DBClusterIdentifier/in-state-stopped", against: Endpoint(url: url))
        }
        #expect(result.verdict == .failed)
        #expect(result.explanation.contains("StopDBCluster/stateful/DBClusterIdentifier/in-state-stopped: failed (HTTP status 200 where 400 was expected)"), "\(result.explanation)")
        #expect(result.explanation.contains("request: Action=StopDBCluster"))
    }
}
