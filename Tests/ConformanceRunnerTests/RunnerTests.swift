import CaseGenerator
import ComplianceReport
import ConformanceRunner
import ConformanceSpec
import ConformanceTestSupport
import Foundation
import QueryProtocol
import ReferenceServer
import Testing

enum Fixtures {
    static let spec: ServiceSpec = try! SpecLoader(directory: BuiltCLI.packageRoot.appendingPathComponent("Specs"))
        .load()
    static let cases = CaseGenerator(spec: spec).generate()
    static let goldens = BuiltCLI.packageRoot.appendingPathComponent("Golden").path
}

/// The runner against endpoints that misbehave: every case ends with a reason, the run finishes.
@Suite struct RunnerTests {
    static let sample = Array(
        Fixtures.cases.filter { $0.operation == "StopDBCluster" || $0.id.hasPrefix("CreateDBCluster/invalid/Port") })

    func run(against behaviour: MisbehavingServer.Behaviour, timeout: Duration = .seconds(2)) async throws -> RunReport
    {
        let server = try await MisbehavingServer(behaviour)
        let options = ConformanceRun.Options(
            concurrency: 4, stateTimeout: .seconds(1), transport: .init(timeout: timeout, retry: .off))
        let report = await ConformanceRun(
            spec: Fixtures.spec, endpoint: Endpoint(url: server.url), goldenDirectory: Fixtures.goldens,
            options: options
        ).run(Self.sample).report
        await server.stop()
        return report
    }

    @Test func droppedConnectionsErrorEveryCaseWithTheReason() async throws {
        let report = try await run(against: .reset)
        #expect(report.results.count == Self.sample.count)
        for result in report.results where result.verdict != .missingGolden {
            #expect(result.verdict == .errored, "\(result.id)")
            #expect(result.reason?.contains("closed or reset") == true, "\(result.id): \(result.reason ?? "")")
        }
    }

    /// The run ends (this test returns), and each errored case says it was the 0.3 s answer timeout that ended it: the
    /// deadline is proven from the error, not from a wall-clock ceiling that a slower machine would cross.
    @Test func hangingEndpointErrorsWithTimeouts() async throws {
        let report = try await run(against: .hang, timeout: .milliseconds(300))
        #expect(
            report.results.filter { $0.verdict == .errored }.allSatisfy {
                $0.reason?.contains("no complete answer from") == true && $0.reason?.contains("within 0.3 s") == true
            }, "\(report.results.compactMap(\.reason).prefix(3))")
        #expect(report.count(.errored) >= Self.sample.count - 1)
    }

    @Test func garbageAndHTMLAreNonConformanceOrErrorsWithReasons() async throws {
        let html = try await run(
            against: .fixed(
                status: 502, contentType: "text/html", body: "<html><body><h1>Bad gateway</h1><br></body></html>"))
        #expect(html.results.allSatisfy { $0.verdict != .passed })
        let judged = html.results.filter { $0.verdict == .failed }
        #expect(!judged.isEmpty)
        #expect(judged.allSatisfy { $0.findings.contains { $0.kind == .notXML || $0.kind == .status } })
        let garbage = try await run(against: .garbage)
        #expect(garbage.results.allSatisfy { $0.verdict == .errored || $0.verdict == .missingGolden })
        #expect(garbage.results.allSatisfy { $0.reason?.isEmpty == false })
    }

    /// A point-in-time restore asks the endpoint for the source's LatestRestorableTime and sends that; when the
    /// endpoint cannot say (here: no such cluster), the case errs with the reason instead of sending a token.
    @Test func runtimeValuesAreAskedOfTheEndpoint() async throws {
        let valid = try #require(
            Fixtures.cases.first { $0.id == "RestoreDBClusterToPointInTime/valid/with-RestoreToTime" })
        let token = RuntimeValue.latestRestorableTime(cluster: "nc-no-such-source").token
        let orphan = TestCase(
            id: "RestoreDBClusterToPointInTime/valid/orphan", operation: valid.operation, kind: .valid, tags: [],
            covers: [], summary: "",
            request: Request(
                operation: valid.operation,
                parameters: valid.request.parameters.map {
                    $0.name == "RestoreToTime" ? Parameter($0.name, .scalar(token)) : $0
                }),
            expectation: valid.expectation)
        #expect(valid.request.runtimeValues.count == 1)
        let report = try await ReferenceServer.withRunning(emulator: NeptuneEmulator(spec: Fixtures.spec)) { url in
            await ConformanceRun(spec: Fixtures.spec, endpoint: Endpoint(url: url), goldenDirectory: Fixtures.goldens)
                .run([valid, orphan]).report
        }
        let sent = try #require(report.results.first { $0.id == valid.id })
        #expect(sent.verdict == .passed, "\(sent.reason ?? "")")
        let body = sent.requestBody ?? ""
        #expect(body.contains("RestoreToTime=20") && !body.contains("%7B%7B"), "\(body)")
        let failed = try #require(report.results.first { $0.id == orphan.id })
        #expect(failed.verdict == .errored)
        #expect(
            failed.reason?.contains("has no LatestRestorableTime") == true
                && failed.reason?.contains("HTTP 404") == true, "\(failed.reason ?? "")")
        #expect(report.leftovers.isEmpty)
    }

    /// An endpoint whose clusters have no LatestRestorableTime yet (a real one fills it in after the first
    /// backup) is asked again until the state timeout, then the case errs saying what was missing.
    @Test func aMissingRestorableTimeIsAwaitedThenNamed() async throws {
        let describe = """
            <DescribeDBClustersResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/"><DescribeDBClustersResult><DBClusters><DBCluster>\
            <DBClusterIdentifier>nc-src</DBClusterIdentifier><Status>available</Status></DBCluster></DBClusters></DescribeDBClustersResult>\
            <ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></DescribeDBClustersResponse>
            """
        let server = try await MisbehavingServer(.fixed(status: 200, contentType: "text/xml", body: describe))
        let token = RuntimeValue.latestRestorableTime(cluster: "nc-src").token
        let restore = TestCase(
            id: "RestoreDBClusterToPointInTime/valid/awaits", operation: "RestoreDBClusterToPointInTime", kind: .valid,
            tags: [], covers: [], summary: "",
            request: Request(
                operation: "RestoreDBClusterToPointInTime",
                parameters: [
                    Parameter("DBClusterIdentifier", .scalar("nc-new")),
                    Parameter("SourceDBClusterIdentifier", .scalar("nc-src")),
                    Parameter("RestoreToTime", .scalar(token)),
                ]),
            expectation: .success(golden: "RestoreDBClusterToPointInTime/valid/with-RestoreToTime"))
        // Polls back off from 20 ms: 2 s leave room for three asks on a machine busy enough to take a second
        // over one of them (400 ms once saw only two, under a load of 8 on 2 cores).
        let options = ConformanceRun.Options(concurrency: 1, stateTimeout: .seconds(2))
        let report = await ConformanceRun(
            spec: Fixtures.spec, endpoint: Endpoint(url: server.url), goldenDirectory: Fixtures.goldens,
            options: options
        ).run([restore]).report
        await server.stop()
        let result = try #require(report.results.first)
        #expect(result.verdict == .errored)
        #expect(result.reason?.contains("had no LatestRestorableTime for") == true, "\(result.reason ?? "")")
        #expect(server.requests.value >= 3, "asked \(server.requests.value) times")
        #expect(
            !server.received.all.contains { $0.contains("Action=RestoreDBClusterToPointInTime") },
            "the restore must not be sent with a token")
    }

    /// Cancelling a run part-way (Ctrl-C does exactly this) still deletes everything it created.
    @Test func aCancelledRunLeavesNothingBehind() async throws {
        let emulator = NeptuneEmulator(
            spec: Fixtures.spec, configuration: .init(verifySignatures: NeptuneEmulator.Configuration.localTestingKeys))
        let cases = Fixtures.cases.filter { !$0.setup.isEmpty }
        let report = try await ReferenceServer.withRunning(emulator: emulator) { url in
            let holder = TaskHolder()
            let task = Task {
                await ConformanceRun(
                    spec: Fixtures.spec, endpoint: Endpoint(url: url), goldenDirectory: Fixtures.goldens,
                    options: .init(concurrency: 8)
                )
                .run(cases) { done, _, _ in if done == 30 { holder.cancel() } }.report
            }
            holder.task = task
            return await task.value
        }
        #expect(report.count(.skipped) > 0, "the run was not interrupted")
        #expect(report.count(.passed) >= 30)
        #expect(report.leftovers.isEmpty)
        let left = await emulator.inventory()
        #expect(left == [], "left on the endpoint: \(left)")
    }

    @Test func reportsRenderEveryFormatAndEscapeHostileText() throws {
        var result = CaseResult(
            id: "CreateDBCluster/valid/<script>", operation: "CreateDBCluster", kind: .valid, tags: [], covers: [],
            summary: "s & t",
            verdict: .failed, reason: "<script>alert(1)</script>",
            findings: [Finding(kind: .value, path: "/a", expected: "'x'", found: "\"<b>\"")],
            requestBody: "Action=X&Secret=<img src=x onerror=alert(1)>", expected: "success", actualStatus: 200,
            actualBody: "<html>]]></html>")
        result.durationMilliseconds = 1.5
        let report = RunReport(
            endpoint: "http://127.0.0.1:1", apiVersion: "2014-10-31", seed: 1, startedAt: "2026-01-01T00:00:00Z",
            durationSeconds: 1, comparison: "strict", results: [result])
        let html = try ReportFormat.html.render(report)
        #expect(!html.contains("<script>") && !html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        let junit = try ReportFormat.junit.render(report)
        #expect(junit.contains("<failure message=\"&lt;script&gt;"))
        let json = try ReportFormat.json.render(report)
        let back = try JSONDecoder().decode(RunReport.self, from: Data(json.utf8))
        #expect(back == report)
        #expect(try ReportFormat.markdown.render(report).contains("CreateDBCluster"))
    }
}

final class TaskHolder: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Task<RunReport, Never>?
    private var cancelled = false
    var task: Task<RunReport, Never>? {
        get {
            lock.lock()
            defer { lock.unlock() }
            return stored
        }
        set {
            lock.lock()
            stored = newValue
            let cancelNow = cancelled
            lock.unlock()
            if cancelNow { newValue?.cancel() }
        }
    }
    func cancel() {
        lock.lock()
        cancelled = true
        let task = stored
        lock.unlock()
        task?.cancel()
    }
}
