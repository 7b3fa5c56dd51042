import ConformanceTargets
import ConformanceTestSupport
import Foundation
import ReferenceServer
import Testing

/// One target type for `run`, `record`, `parity` and the benchmarks: parsed once, every bad form a
/// one-line error that names it.
@Suite struct TargetTests {
    @Test(arguments: [
        ("embedded", Target.embedded),
        ("embedded:wrong-namespace", .embedded(faults: [.wrongNamespace])),
        (
            "embedded:wrong-namespace,stop-stopped-cluster,wrong-namespace",
            .embedded(faults: [.wrongNamespace, .stopStoppedCluster])
        ),
        ("http://127.0.0.1:5000", .url("http://127.0.0.1:5000")),
        ("https://rds.us-east-1.amazonaws.com", .url("https://rds.us-east-1.amazonaws.com")),
    ])
    func parses(_ text: String, _ expected: Target) throws {
        let target = try Target(parsing: text)
        #expect(target == expected)
        #expect(try Target(parsing: target.description) == target, "the written form reads back")
    }

    @Test(arguments: [
        ("embedded:accept-out-of-rang", "did you mean 'accept-out-of-range'?"),
        ("embedded:", "names no fault ''"),
        ("ftp://127.0.0.1", "only http:// and https://"),
        ("http://", "no host"),
        ("127.0.0.1:5000", "is not a target"),
        ("moto", "neither `embedded`"),
    ])
    func refuses(_ text: String, _ message: String) {
        #expect {
            try Target(parsing: text)
        } throws: { error in
            "\(error)".contains(message) && "\(error)".contains(text) && !"\(error)".contains("\n")
        }
    }

    @Test func aRemoteURLNeedsTheOptIn() throws {
        let remote = try Target(parsing: "https://rds.us-east-1.amazonaws.com")
        #expect(throws: TargetError.notLoopback("https://rds.us-east-1.amazonaws.com")) {
            try TargetSettings().check(remote)
        }
        try TargetSettings(allowRealEndpoint: true).check(remote)
        try TargetSettings().check(.embedded(faults: [.wrongNamespace]))
        try TargetSettings().check(try Target(parsing: "http://localhost:4566"))
    }

    /// Every command takes the same forms, and a bad one is a usage error (64) naming it.
    @Test(arguments: ["run", "record", "parity"])
    func everyCommandRefusesABadTargetTheSameWay(_ command: String) async throws {
        let extra = command == "parity" ? ["--endpoint", "embedded"] : []
        let result = try await ProcessResult.run(
            BuiltCLI.url, [command, "--endpoint", "embedded:no-such-fault"] + extra)
        #expect(result.status == 64)
        #expect(result.stderr.contains("'embedded:no-such-fault' names no fault 'no-such-fault'"), "\(result.stderr)")
    }

    @Test func runTakesAnEmbeddedTargetWithFaults() async throws {
        let reports = RunCommandTests.temporaryDirectory()
        let result = try await ProcessResult.run(
            BuiltCLI.url,
            [
                "run", "--endpoint", "embedded:delete-protected-cluster", "--operation", "DeleteDBCluster",
                "--report-dir", reports, "--quiet",
            ])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(
            result.stdout.contains("FAILED DeleteDBCluster/stateful/deletion-protection/refused"), "\(result.stdout)")
        let json = try String(contentsOfFile: "\(reports)/report.json", encoding: .utf8)
        #expect(json.contains("embedded reference server with faults: delete-protected-cluster"))
    }
}
