import CaseGenerator
import ComplianceReport
import ConformanceRunner
import ConformanceTestSupport
import EmulatorTransport
import Foundation
import ReferenceServer
import Testing

/// Parity between the conformant server and the same server with one fault names exactly the cases
/// that fault makes fail, and nothing else; the emulator in memory and over a socket agree on every case.
@Suite struct ParityTests {
    static var options: ConformanceRun.Options {
        var options = ConformanceRun.Options(concurrency: 8, stateTimeout: .seconds(3))
        options.keepAnswers = true
        return options
    }

    static func emulator(_ faults: Set<Fault>) -> NeptuneEmulator {
        NeptuneEmulator(
            spec: Fixtures.spec,
            configuration: .init(faults: faults, verifySignatures: NeptuneEmulator.Configuration.localTestingKeys))
    }

    /// The whole suite against an emulator with `faults`, in memory.
    static func run(_ faults: Set<Fault>) async -> RunReport {
        let endpoint = Endpoint(url: InMemoryTransport.url, label: faults.isEmpty ? "embedded" : "faulty")
        return await ConformanceRun(
            spec: Fixtures.spec, endpoint: endpoint, goldenDirectory: Fixtures.goldens, options: options,
            transport: InMemoryTransport(emulator: emulator(faults))
        )
        .run(Fixtures.cases).report
    }

    /// The whole suite against the conformant emulator, in memory: run once, on first use, and shared by the tests that
    /// compare another target with it (each of them still runs its other target itself).
    static let conformant = Task { await run([]) }

    /// The in-memory transport is a faithful stand-in for the socket: the same verdict, status, error code
    /// and findings for every case.
    @Test func inMemoryAndOverASocketAgreeOnEveryCase() async throws {
        let overSocket = try await ReferenceServer.withRunning(emulator: Self.emulator([])) { url in
            await ConformanceRun(
                spec: Fixtures.spec, endpoint: Endpoint(url: url, label: "socket"), goldenDirectory: Fixtures.goldens,
                options: Self.options
            ).run(Fixtures.cases).report
        }
        let inMemory = await Self.conformant.value
        let report = ParityReport(
            spec: Fixtures.spec, cases: Fixtures.cases, first: overSocket, second: inMemory, startedAt: "test")
        #expect(report.cases.count == Fixtures.cases.count)
        #expect(
            report.disagreements.isEmpty,
            "\(report.disagreements.prefix(5).map { "\($0.id): \($0.first.signature) vs \($0.second.signature)" })")
        #expect(overSocket.count(.passed) == Fixtures.cases.count && inMemory.count(.passed) == Fixtures.cases.count)
    }

    @Test(arguments: [
        Fault.acceptInvertedCapacity, .wrongHTTPStatus, .keepIdentifierCase, .dropServerlessConfiguration,
        .stopStoppedCluster, .wrongNamespace,
    ])
    func parityNamesExactlyTheAffectedCases(_ fault: Fault) async throws {
        async let faulty = Self.run([fault])
        let (a, b) = await (Self.conformant.value, faulty)
        let report = ParityReport(spec: Fixtures.spec, cases: Fixtures.cases, first: a, second: b, startedAt: "test")
        // Affected: the fault makes the case fail, or changes its HTTP status (a 404 becoming a 400 is still "any 4xx").
        let statusOf = Dictionary(uniqueKeysWithValues: a.results.map { ($0.id, $0.actualStatus) })
        let affected = Set(b.results.filter { $0.verdict != .passed || statusOf[$0.id] != $0.actualStatus }.map(\.id))
        #expect(!affected.isEmpty)
        #expect(Set(report.disagreements.map(\.id)) == affected)
        #expect(report.cases.count == Fixtures.cases.count)
        #expect(report.disagreements.allSatisfy { !$0.differences.isEmpty })
        #expect(report.operations.reduce(0) { $0 + $1.disagree } == affected.count)
    }

    @Test func identicalTargetsAgreeAndTheReportsRender() async throws {
        // Two separate runs of identical targets: the shared one and one of this test's own.
        async let two = Self.run([])
        let report = ParityReport(
            spec: Fixtures.spec, cases: Fixtures.cases, first: await Self.conformant.value, second: await two,
            startedAt: "test")
        #expect(report.disagreements.isEmpty && report.exitCode == 0)
        #expect(report.constraints.count == 619)
        let directory = RunCommandTests.temporaryDirectory()
        let paths = try ParityReportWriter.write(report, to: directory)
        #expect(paths.count == 3)
        #expect(
            try String(contentsOfFile: "\(directory)/parity.html", encoding: .utf8).contains(
                "<table id=\"parity-operations\">"))
    }

    @Test func theParityCommandExitsOneOnDisagreement() async throws {
        let result = try await ProcessResult.run(
            BuiltCLI.url,
            [
                "parity", "--endpoint", "embedded", "--endpoint", "embedded:start-available-cluster", "--operation",
                "StartDBCluster", "--report-dir", RunCommandTests.temporaryDirectory(),
            ])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("DISAGREE StartDBCluster/stateful/DBClusterIdentifier/in-state-available"))
        #expect(result.stdout.contains("3 of 4 cases agree"))
        let bad = try await ProcessResult.run(BuiltCLI.url, ["parity", "--endpoint", "embedded"])
        #expect(bad.status == 64 && bad.stderr.contains("exactly two targets"))
    }

    /// Either side may be a URL: `serve` on a port agrees with the embedded server everywhere but the
    /// signature family, which `serve` (no --verify-signatures) skips; that family is not compared, with the reason.
    @Test func aURLTargetAgreesWithTheEmbeddedServerExceptWhereConfiguredDifferently() async throws {
        let server = try await ServeProcess.start()
        defer { server.stop() }
        let reports = RunCommandTests.temporaryDirectory()
        let result = try await ProcessResult.run(
            BuiltCLI.url, ["parity", "--endpoint", "embedded", "--endpoint", server.url, "--report-dir", reports])
        #expect(result.status == 0, "\(result.stdout.suffix(2000))\n\(result.stderr)")
        #expect(
            result.stdout.contains(
                "NOT COMPARED 6 cases: skipped on \(server.url) only (the targets are configured differently)"),
            "\(result.stdout.suffix(1500))")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(reports)/parity.json")))
                as? [String: Any])
        let cases = json["cases"] as? [[String: Any]] ?? []
        let uncompared = cases.filter { $0["notCompared"] != nil }
        #expect(uncompared.count == 6 && uncompared.allSatisfy { ($0["id"] as? String)?.hasPrefix("SigV4/") == true })
        #expect(try String(contentsOfFile: "\(reports)/parity.md", encoding: .utf8).contains("Not compared (6)"))
        // With signatures checked on both sides, and the region cases' second region served, every case is compared.
        let checking = try await ServeProcess.start(["--verify-signatures", "--also-region", "eu-central-1"])
        defer { checking.stop() }
        let both = try await ProcessResult.run(
            BuiltCLI.url, ["parity", "--endpoint", checking.url, "--endpoint", "embedded", "--report-dir", reports])
        #expect(both.status == 0 && !both.stdout.contains("NOT COMPARED"), "\(both.stdout.suffix(1500))")
    }
}
