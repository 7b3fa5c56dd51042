import CaseGenerator
import ConformanceRunner
import ConformanceSpec
import EmulatorTransport
import Foundation
import ReferenceServer
import Testing
import Transport

/// A set-up step that waits for a state notices a status outside its kind's vocabulary at the first answer that
/// shows it, names it, and ends the case at once (not at `--state-timeout`); the run says `unknown-state/<kind>`.
@Suite struct StateWaitTests {
    /// The emulator, with every status of one kind's describe answers replaced.
    struct RenamingTransport: HTTPTransport {
        let inner: InMemoryTransport
        let answer: String
        let from: String
        let to: String

        var retriesUnknownFates: Bool { false }
        func shutdown() async {}

        func send(_ request: TransportRequest) async throws(TransportError) -> HTTPAnswer {
            var reply = try await inner.send(request)
            if reply.body.contains("<\(answer)") {
                reply = HTTPAnswer(
                    status: reply.status, headers: reply.headers,
                    body: reply.body.replacingOccurrences(of: from, with: to))
            }
            return reply
        }
    }

    @Test(arguments: [
        ("DescribeDBClustersResponse", "<Status>available</Status>", "<Status>ready</Status>", "DBCluster", "ready"),
        (
            "DescribeDBInstancesResponse", "<DBInstanceStatus>available</DBInstanceStatus>",
            "<DBInstanceStatus>Available</DBInstanceStatus>", "DBInstance", "Available"
        ),
    ])
    func aStatusOutsideTheVocabularyEndsTheWaitAtOnce(
        answer: String, from: String, to: String, kind: String, status: String
    ) async throws {
        let waits = Fixtures.cases.filter { testCase in
            testCase.setup.contains { step in
                step.waitFor == "available"
                    && Fixtures.spec.resources.subject(of: step.request.operation)?.lifecycle.kind.rawValue == kind
            }
        }
        let testCase = try #require(waits.first, "no case waits for a \(kind) to be available")
        let transport = RenamingTransport(
            inner: InMemoryTransport(emulator: NeptuneEmulator(spec: Fixtures.spec)), answer: answer, from: from,
            to: to)
        var options = ConformanceRun.Options()
        // Far longer than the run may take: a wait that ran to it would show in the duration.
        options.stateTimeout = .seconds(600)
        let started = ContinuousClock.now
        var report = await ConformanceRun(
            spec: Fixtures.spec, endpoint: Endpoint(url: InMemoryTransport.url), goldenDirectory: Fixtures.goldens,
            options: options, transport: transport
        ).run([testCase]).report
        let elapsed = ContinuousClock.now - started
        let result = try #require(report.results.first)
        #expect(result.verdict == .errored)
        #expect(result.reason?.contains("'\(status)'") == true, "\(result.reason ?? "")")
        #expect(elapsed < .seconds(300), "the wait ran toward --state-timeout: \(elapsed)")
        report.triage(spec: Fixtures.spec)
        #expect(report.findings?.map(\.id) == ["unknown-state/\(kind)"])
        #expect(report.findings?.first?.evidence?.level == .documented)
    }
}
