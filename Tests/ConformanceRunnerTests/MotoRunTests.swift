import ConformanceTestSupport
import Foundation
import NIOCore
import NIOPosix
import Testing

/// moto is an independently written Neptune endpoint that is not conformant: the suite must run to
/// its end against it, report its departures, delete what it created, and never crash or hang.
@Suite struct MotoRunTests {
    @Test(.timeLimit(.minutes(5)), .enabled(if: ExternalTool.moto.runsHere, Comment(rawValue: ExternalTool.moto.skipReason)))
    func theSuiteRunsToTheEndAgainstMoto() async throws {
        let moto = try ExternalTool.moto.require()
        let port = try await freePort()  // moto_server cannot pick its own port and say which
        let server = try ChildProcess(moto, ["-p", "\(port)"], output: .discard, error: .discard)
        defer {
            server.send(SIGKILL)  // moto_server ignores SIGTERM
            server.wait()
        }
        var ready = false
        for _ in 0..<100 where !ready {
            ready = (try? await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton).connect(host: "127.0.0.1", port: port).get().close()) != nil
            if !ready { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(ready, "moto_server did not start on port \(port)")
        let reports = RunCommandTests.temporaryDirectory()
        let result = try await ProcessResult.run(BuiltCLI.url, ["run", "--endpoint", "http://127.0.0.1:\(port)", "--report-dir", reports, "--state-timeout", "10", "--quiet"])
        #expect(result.status == 1, "moto is not conformant; exit \(result.status)\n\(result.stderr.suffix(1000))")
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(reports)/report.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let results = json["results"] as? [[String: Any]] ?? []
        let all = try await ProcessResult.run(BuiltCLI.url, ["cases", "--format", "jsonl"]).stdout.split(separator: "\n").count
        #expect(results.count == all)
        // moto does not check signatures: that family alone is skipped, with the reason.
        let skipped = results.filter { ($0["verdict"] as? String) == "skipped" }
        #expect(skipped.count == 6 && skipped.allSatisfy { ($0["kind"] as? String) == "signature" && (($0["reason"] as? String) ?? "").contains("does not check signatures") })
        #expect(results.filter { $0["verdict"] as? String == "failed" }.count > 50)
        #expect(results.filter { $0["verdict"] as? String != "passed" }.allSatisfy { ($0["reason"] as? String)?.isEmpty == false })
        #expect((json["leftovers"] as? [String]) == [], "the run left \(json["leftovers"] ?? "")")
        #expect(FileManager.default.fileExists(atPath: "\(reports)/report.html"))
    }
}
