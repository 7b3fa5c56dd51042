import ConformanceRunner
import ConformanceTestSupport
import EmulatorTransport
import ReferenceServer
import Testing

/// Every generated case on its own line of `swift test`, through the public `ConformanceSuite` API that
/// users put in their own tests, against one emulator shared by all of them (as a user's endpoint would
/// be), reached in memory: the cases must pass one by one and side by side.
@Suite struct EveryCaseTests {
    static let suite = try! ConformanceSuite(
        specDirectory: BuiltCLI.packageRoot.appendingPathComponent("Specs"), goldenDirectory: Suite.goldens,
        options: .init(stateTimeout: .seconds(5)))

    /// One emulator for the whole process, checking signatures as the embedded server does.
    static let shared = InMemoryTransport(
        emulator: NeptuneEmulator(
            spec: Suite.spec, configuration: .init(verifySignatures: NeptuneEmulator.Configuration.localTestingKeys)))

    @Test(arguments: suite.caseIDs)
    func conformsOnTheReferenceServer(_ id: String) async {
        let result = await Self.suite.check(
            id, against: Endpoint(url: InMemoryTransport.url, label: "shared"), through: Self.shared)
        #expect(result.verdict == .passed, "\(result.explanation)")
    }

    /// Without a transport, a check goes over the network (a transport made for it), as against a user's endpoint.
    @Test func aCheckWithoutATransportGoesOverTheNetwork() async throws {
        let emulator = NeptuneEmulator(
            spec: Suite.spec, configuration: .init(verifySignatures: NeptuneEmulator.Configuration.localTestingKeys))
        let results = try await ReferenceServer.withRunning(emulator: emulator) { url in
            var results: [CaseResult] = []
            for id in ["CreateDBCluster/valid/minimal", "StopDBCluster/stateful/DBClusterIdentifier/in-state-stopped"] {
                results.append(await Self.suite.check(id, against: Endpoint(url: url)))
            }
            return results
        }
        for result in results { #expect(result.verdict == .passed, "\(result.explanation)") }
        #expect(await emulator.inventory().isEmpty)
    }

    @Test func anUnknownIdSaysSo() async {
        let result = await Self.suite.check(
            "CreateDBCluster/valid/no-such-case", against: Endpoint(url: "http://127.0.0.1:9"))
        #expect(result.verdict == .errored && result.reason?.contains("no case has the id") == true)
    }

    /// The explanation carries what a failing expectation must show: the verdict, the reason, each finding.
    @Test func aDepartureIsExplained() async {
        let faulty = InMemoryTransport(
            emulator: NeptuneEmulator(spec: Suite.spec, configuration: .init(faults: [.stopStoppedCluster])))
        let result = await Self.suite.check(
            "StopDBCluster/stateful/DBClusterIdentifier/in-state-stopped",
            against: Endpoint(url: InMemoryTransport.url), through: faulty)
        #expect(result.verdict == .failed)
        #expect(
            result.explanation.contains(
                "StopDBCluster/stateful/DBClusterIdentifier/in-state-stopped: failed (HTTP status 200 where 400 was expected)"
            ), "\(result.explanation)")
        #expect(result.explanation.contains("request: Action=StopDBCluster"))
    }
}
