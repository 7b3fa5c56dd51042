import CaseGenerator
import ConformanceSpec
import EmulatorTransport
import NIOConcurrencyHelpers
import QueryProtocol
import ReferenceServer
import Testing
import Transport

@testable import ConformanceRunner

/// A walk over pages that runs alone sends its set-up and tear-down steps side by side where nothing links them:
/// every step that names what another makes still follows it, every delete of a resource made naming another still
/// comes before that other's delete, and the walk still passes with nothing left behind.
@Suite struct StepGraphTests {
    /// Every walk that runs alone with more than one set-up step.
    static let walks = Fixtures.cases.filter { CaseExecutor.overlapsSteps(of: $0) && $0.setup.count > 1 }

    /// True when `later` waits for `earlier`, directly or through other steps.
    static func follows(_ later: Int, _ earlier: Int, in graph: StepGraph) -> Bool {
        var open = graph.after[later]
        var seen = Set<Int>()
        while let next = open.popLast() {
            if next == earlier { return true }
            if seen.insert(next).inserted { open += graph.after[next] }
        }
        return false
    }

    static func made(by step: Step) -> [String] {
        Fixtures.spec.resources.creations(by: step.request.operation).compactMap {
            step.request.flattenedInputs[$0.parameter]?.lowercased()
        }
    }

    @Test func someWalksOverlap() {
        #expect(Self.walks.count >= 8, "walks that run alone with a set-up: \(Self.walks.map(\.id))")
    }

    @Test(arguments: walks.map(\.id))
    func setupStepsFollowWhatTheyName(_ id: String) throws {
        let testCase = try #require(Fixtures.cases.first { $0.id == id })
        let steps = testCase.setup
        let graph = StepGraph(steps: steps, resources: Fixtures.spec.resources)
        for later in steps.indices {
            let own = Self.made(by: steps[later])
            let sent = steps[later].request.flattenedInputs.values.map { $0.lowercased() }.filter { !own.contains($0) }
            for earlier in steps.indices.prefix(later) {
                let named = Self.made(by: steps[earlier]).contains { id in sent.contains { $0.contains(id) } }
                if named {
                    #expect(
                        Self.follows(later, earlier, in: graph),
                        "set-up step \(later + 1) (\(steps[later].request.operation)) names what step \(earlier + 1) makes"
                    )
                }
            }
        }
        // The resources the walk lists are made side by side: some two steps wait for neither.
        let unordered = steps.indices.contains { later in
            steps.indices.prefix(later).contains { !Self.follows(later, $0, in: graph) }
        }
        #expect(unordered, "every set-up step of \(id) waits for the one before")
    }

    @Test(arguments: walks.map(\.id))
    func teardownDeletesWhatNamesAResourceFirst(_ id: String) throws {
        let testCase = try #require(Fixtures.cases.first { $0.id == id })
        let resources = Fixtures.spec.resources
        let graph = StepGraph(steps: testCase.teardown, resources: resources, setup: testCase.setup)
        // What each resource's set-up step named: an instance its cluster, a snapshot its cluster.
        var named: [String: [String]] = [:]
        for step in testCase.setup {
            let sent = step.request.flattenedInputs.values.map { $0.lowercased() }
            for id in Self.made(by: step) { named[id] = sent.filter { $0 != id } }
        }
        let steps = testCase.teardown
        func subject(_ step: Step) -> String? {
            resources.subject(of: step.request.operation).flatMap {
                step.request.flattenedInputs[$0.parameter]?.lowercased()
            }
        }
        for later in steps.indices {
            guard let other = subject(steps[later]) else { continue }
            for earlier in steps.indices.prefix(later) {
                guard let first = subject(steps[earlier]) else { continue }
                if first == other || (named[first] ?? []).contains(where: { $0.contains(other) }) {
                    #expect(
                        Self.follows(later, earlier, in: graph),
                        "tear-down step \(later + 1) (\(steps[later].request.operation) \(other)) may overtake step \(earlier + 1) (\(steps[earlier].request.operation) \(first))"
                    )
                }
            }
        }
    }

    @Test func aStepOfNoKnownResourceKeepsItsPlace() {
        let steps = [
            Step(Request(operation: "CreateDBCluster", parameters: [Parameter("DBClusterIdentifier", .scalar("a-1"))])),
            Step(Request(operation: "NoSuchOperation", parameters: [])),
            Step(Request(operation: "CreateDBCluster", parameters: [Parameter("DBClusterIdentifier", .scalar("a-2"))])),
        ]
        let graph = StepGraph(steps: steps, resources: Fixtures.spec.resources)
        #expect(graph.after == [[], [0], [1]])
    }

    /// Counts the requests in flight at once on the way to the in-memory emulator.
    struct CountingTransport: HTTPTransport {
        let inner: InMemoryTransport
        let inFlight = NIOLockedValueBox((now: 0, most: 0))
        var retriesUnknownFates: Bool { false }
        func shutdown() async {}

        func send(_ request: TransportRequest) async throws(TransportError) -> HTTPAnswer {
            inFlight.withLockedValue { count in
                count.now += 1
                count.most = max(count.most, count.now)
            }
            defer { inFlight.withLockedValue { $0.now -= 1 } }
            await Task.yield()
            return try await inner.send(request)
        }
    }

    @Test(arguments: [1, 8])
    func aWalkPassesWithItsStepsSideBySide(_ concurrency: Int) async throws {
        let testCase = try #require(
            Fixtures.cases.first { $0.id == "DescribeDBInstances/stateful/paging/walk-every-page" })
        let emulator = NeptuneEmulator(spec: Fixtures.spec)
        let transport = CountingTransport(inner: InMemoryTransport(emulator: emulator))
        let report = await ConformanceRun(
            spec: Fixtures.spec, endpoint: Endpoint(url: InMemoryTransport.url), goldenDirectory: Fixtures.goldens,
            options: .init(concurrency: concurrency), transport: transport
        ).run([testCase]).report
        let result = try #require(report.results.first)
        #expect(result.verdict == .passed, "\(result.reason ?? "")")
        #expect(report.leftovers.isEmpty)
        #expect(await emulator.inventory().isEmpty)
        let most = transport.inFlight.withLockedValue { $0.most }
        if concurrency == 1 { #expect(most == 1) } else { #expect(most > 1, "the set-up's creates went one by one") }
    }
}
