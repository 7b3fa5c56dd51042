import ConformanceTestSupport
import Foundation
import Testing

/// `neptune-conformance compare GOLDEN ACTUAL`, as scripts use it: exit 0, 1 or 2.
@Suite struct CompareCommandTests {
    static var cli: URL { BuiltCLI.url }

    func write(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cmp-\(UUID().uuidString).xml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func run(_ arguments: [String]) async throws -> (Int32, String, String) {
        let result = try await ProcessResult.run(
            Self.cli, ["compare"] + arguments + ["--specs", Fixtures.packageRoot.appendingPathComponent("Specs").path])
        return (result.status, result.stdout, result.stderr)
    }

    @Test func matchDifferAndUnreadable() async throws {
        let golden = try write(
            Fixtures.fullCreateAnswer().replacingOccurrences(
                of: "0c1e1a8e-8d07-4bd5-a9a7-6d2e7e0ffb39", with: "{{string}}"
            )
            .replacingOccurrences(
                of: "<DBClusterIdentifier>my-cluster</DBClusterIdentifier>",
                with: "<DBClusterIdentifier>{{input:DBClusterIdentifier|lower}}</DBClusterIdentifier>"))
        let actual = try write(Fixtures.fullCreateAnswer())
        let (ok, okOut, _) = try await run([golden, actual, "--input", "DBClusterIdentifier=My-Cluster"])
        #expect(ok == 0, "\(okOut)")
        #expect(okOut.hasPrefix("match:"))

        let different = try write(
            Fixtures.fullCreateAnswer().replacingOccurrences(of: "<Port>8182</Port>", with: "<Port>8183</Port>"))
        let (differ, differOut, _) = try await run([golden, different, "--input", "DBClusterIdentifier=my-cluster"])
        #expect(differ == 1)
        #expect(differOut.contains("error [value] /CreateDBClusterResponse/CreateDBClusterResult/DBCluster/Port"))

        let broken = try write("<CreateDBClusterResponse><oops></CreateDBClusterResponse>")
        let (unreadable, _, brokenErr) = try await run([golden, broken])
        #expect(unreadable == 2)
        #expect(brokenErr.contains("line 1"))

        let (missing, _, missingErr) = try await run([golden, "/nonexistent/answer.xml"])
        #expect(missing == 2)
        #expect(missingErr.contains("cannot read the actual answer file /nonexistent/answer.xml"))

        let (badInput, _, badInputErr) = try await run([golden, actual, "--input", "DBClusterIdentifier"])
        #expect(badInput == 64)
        #expect(badInputErr.contains("Param.Path=VALUE"))
    }
}
