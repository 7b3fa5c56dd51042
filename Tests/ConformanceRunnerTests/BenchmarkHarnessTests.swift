import ConformanceRunner
import ConformanceTestSupport
import Foundation
import ReferenceServer
import Testing

/// The benchmark harness keeps working (it is built in CI but only run by hand, in release): each mode
/// runs briefly in the debug build and prints what `Benchmarks/run.sh` reads. No figure is judged here.
@Suite struct BenchmarkHarnessTests {
    static var binary: URL { BuiltCLI.url.deletingLastPathComponent().appendingPathComponent("conformance-benchmarks") }

    @Test func microPrintsEveryMeasure() async throws {
        let result = try await ProcessResult.run(Self.binary, ["micro", "50"])
        #expect(result.status == 0, "\(result.stderr)")
        for label in [
            "parse (libxml2", "golden comparison", "shape check", "encode + sign a request", "case generation",
        ] {
            #expect(result.stdout.contains(label), "missing '\(label)' in \(result.stdout)")
        }
    }

    @Test func loadAndWrkScriptSendTheSameRequest() async throws {
        let spec = Fixtures.spec
        try await ReferenceServer.withRunning(emulator: NeptuneEmulator(spec: spec)) { url in
            let load = try await ProcessResult.run(Self.binary, ["load", url, "2", "0.5"])
            #expect(load.status == 0, "\(load.stderr)")
            // run.sh reads the third field as the rate, and the client CPU after the semicolon. Every worker
            // sends at least one request, however loaded the machine.
            let fields = load.stdout.split(separator: " ")
            #expect(
                fields.count > 5 && Double(fields[2]) != nil && (Int(fields[4].dropFirst()) ?? 0) >= 2, "\(load.stdout)"
            )
            #expect(load.stdout.contains(" 0 failed") && load.stdout.contains("client CPU"), "\(load.stdout)")
            let script = try await ProcessResult.run(Self.binary, ["wrk-script", url])
            #expect(script.status == 0)
            #expect(
                script.stdout.contains(
                    "wrk.body = \"Action=DescribeDBClusters&Version=2014-10-31&DBClusterIdentifier=bench-1\""))
            #expect(script.stdout.contains("wrk.headers[\"Authorization\"] = \"AWS4-HMAC-SHA256 Credential="))
            #expect(!script.stdout.contains("wrk.headers[\"Host\"]"), "wrk sets Host itself")
        }
    }
}
