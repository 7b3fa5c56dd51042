import ConformanceRunner
import ConformanceTestSupport
import Foundation
import Testing
import Transport

/// `neptune-conformance run`, `report` and `record` as a user types them.
@Suite struct RunCommandTests {
    static func temporaryDirectory() -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("nc-run-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func theMainJobPassesAndWritesFourReports() async throws {
        let reports = Self.temporaryDirectory()
        let result = try await ProcessResult.run(BuiltCLI.url, ["run", "--report-dir", reports, "--quiet"])
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("CreateDBCluster") && result.stdout.contains("total"))
        for name in ["report.json", "junit.xml", "report.html", "summary.md"] {
            #expect(FileManager.default.fileExists(atPath: "\(reports)/\(name)"), "\(name) missing")
        }
        let json =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(reports)/report.json")))
            as? [String: Any]
        let results = json?["results"] as? [[String: Any]] ?? []
        // Exactly the cases the README counts, kind by kind, and each passed.
        let readme = try #require(ReadmeCounts.ofThisPackage, "README.md states no case counts")
        #expect(results.count == readme.cases)
        var byKind: [String: Int] = [:]
        for result in results { byKind[result["kind"] as? String ?? "?", default: 0] += 1 }
        #expect(byKind == readme.byKind, "the run's cases by kind; the README says \(readme.byKind)")
        #expect(results.allSatisfy { $0["verdict"] as? String == "passed" })
        let junit = try String(contentsOfFile: "\(reports)/junit.xml", encoding: .utf8)
        #expect(junit.contains("failures=\"0\"") && junit.contains("<testsuite name=\"ModifyDBCluster\""))
    }

    @Test func aFaultyServerExitsOneAndTheReportNamesTheCase() async throws {
        let reports = Self.temporaryDirectory()
        let result = try await ProcessResult.run(
            BuiltCLI.url,
            [
                "run", "--fault", "delete-protected-cluster", "--operation", "DeleteDBCluster", "--report-dir", reports,
                "--quiet",
            ])
        #expect(result.status == 1, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("FAILED DeleteDBCluster/stateful/deletion-protection/refused"))
        let markdown = try String(contentsOfFile: "\(reports)/summary.md", encoding: .utf8)
        #expect(markdown.contains("deletion-protection/refused"))
        let rerendered = Self.temporaryDirectory()
        let again = try await ProcessResult.run(
            BuiltCLI.url, ["report", "\(reports)/report.json", "--report-dir", rerendered])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try String(contentsOfFile: "\(rerendered)/summary.md", encoding: .utf8) == markdown)
    }

    @Test func anUnreachableEndpointExitsTwo() async throws {
        let result = try await ProcessResult.run(
            BuiltCLI.url, ["run", "--endpoint", "http://127.0.0.1:9", "--report-dir", Self.temporaryDirectory()])
        #expect(result.status == 2)
        #expect(result.stderr.contains("connection refused"))
    }

    @Test(arguments: [
        (["run", "--endpoint", "https://rds.us-east-1.amazonaws.com"], "--allow-real-endpoint"),
        (["run", "--endpoint", "not a url"], "http://"),
        (["run", "--shard", "5/4"], "--shard"),
        (["run", "--concurrency", "0"], "--concurrency"),
        (["run", "--ca-bundle", "/nonexistent/ca.pem"], "--ca-bundle (or $AWS_CA_BUNDLE) '/nonexistent/ca.pem'"),
        (
            ["run", "--ca-bundle", BuiltCLI.packageRoot.appendingPathComponent("Package.swift").path],
            "no PEM certificate"
        ),
        (["run", "--operation", "DropDatabase"], "no operation 'DropDatabase'"),
        (["run", "--operation", "createdbcluster"], "did you mean 'CreateDBCluster'?"),
        (["run", "--case", "NoSuch/case"], "no case matches the selection"),
        (["cases", "--kind", "valid", "--tag", "no-such-tag"], "no case matches the selection"),
        (["run", "--fault", "no-such-fault"], "no-such-fault"),
        (
            ["run", "--endpoint", "http://127.0.0.1:1", "--fault", "wrong-namespace"],
            "--fault applies to the embedded server"
        ),
        (["report", "/nonexistent/report.json"], "cannot read"),
    ])
    func badArgumentsSayWhatToType(_ arguments: [String], _ hint: String) async throws {
        let result = try await ProcessResult.run(BuiltCLI.url, arguments)
        #expect(result.status == 64 || result.status == 2, "\(result.status)")
        #expect(result.stderr.contains(hint), "\(result.stderr)")
        #expect(
            !result.stderr.contains("<subcommand>"),
            "a subcommand's error must not show the root usage: \(result.stderr)")
    }

    @Test func shardsPartitionTheSuite() async throws {
        var total = 0
        for shard in 1...3 {
            let result = try await ProcessResult.run(
                BuiltCLI.url, ["run", "--shard", "\(shard)/3", "--report-dir", Self.temporaryDirectory(), "--quiet"])
            #expect(result.status == 0, "\(result.stderr)")
            let line = result.stdout.split(separator: "\n").first { $0.hasPrefix("total") } ?? ""
            total += Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
        }
        let all = try await ProcessResult.run(BuiltCLI.url, ["cases", "--format", "jsonl"])
        #expect(total == all.stdout.split(separator: "\n").count)
    }

    @Test func recordDryRunFindsTheCommittedGoldensUpToDate() async throws {
        let result = try await ProcessResult.run(BuiltCLI.url, ["record", "--dry-run"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("0 new, 0 changed"), "\(result.stdout.suffix(2000))")
    }
}

/// Ctrl-C in the middle of a run against a slow endpoint: the run stops, deletes what it created,
/// says it was interrupted, and exits 2; the endpoint is left empty.
@Suite struct InterruptTests {
    @Test func ctrlCLeavesNothingOnTheEndpoint() async throws {
        let server = try await ServeProcess.start(["--transition-delay", "1"])
        defer { server.stop() }
        let port = server.port
        let run = try ChildProcess(
            BuiltCLI.url.path,
            [
                "run", "--endpoint", "http://127.0.0.1:\(port)", "--kind", "stateful", "--report-dir",
                RunCommandTests.temporaryDirectory(),
            ],
            error: .intoOutput)
        let output = run.standardOutput!
        // Interrupt once the run has made progress (its first progress line), not after a fixed time. The
        // blocking reads happen off the cooperative pool.
        let (text, wasRunning, status) = try await ProcessResult.onOwnThread { () -> (String, Bool, Int32) in
            var text = ""
            while run.isRunning, !text.contains("% "), case let data = output.availableData, !data.isEmpty {
                text += String(decoding: data, as: UTF8.self)
            }
            let wasRunning = run.isRunning
            run.send(SIGINT)
            text += String(decoding: output.readDataToEndOfFile(), as: UTF8.self)
            return (text, wasRunning, run.wait())
        }
        #expect(wasRunning, "the run ended before it could be interrupted")
        #expect(status == 2, "\(text.suffix(1500))")
        #expect(text.contains("interrupted"))
        #expect(!text.contains("NOT DELETED"), "\(text.suffix(1500))")
        // No waiting: a resource whose delete was accepted may still be listed as deleting (the server's transitions
        // take 1 s); anything else listed was left behind.
        let transport = NetworkTransport()
        for (action, item, status) in [
            ("DescribeDBClusters", "DBCluster", "Status"), ("DescribeDBInstances", "DBInstance", "DBInstanceStatus"),
            ("DescribeDBClusterSnapshots", "DBClusterSnapshot", "Status"),
        ] {
            let answer = try await transport.send(
                url: "http://127.0.0.1:\(port)/", headers: [("Content-Type", "application/x-www-form-urlencoded")],
                body: "Action=\(action)&Version=2014-10-31")
            #expect(answer.status == 200)
            let listed = answer.body.components(separatedBy: "<\(item)>").dropFirst()
            let kept = listed.filter { !$0.contains("<\(status)>deleting</\(status)>") }
            #expect(kept.isEmpty, "left on the endpoint: \(kept.joined().prefix(600))")
        }
        await transport.shutdown()
    }
}

/// The signature family: skipped with its reason where signatures are not checked, run (and failing)
/// when asked for anyway, and passing against the reference server that verifies them.
@Suite struct SignatureFamilyTests {
    @Test func skippedUnlessAskedAgainstAServerThatDoesNotCheck() async throws {
        let server = try await ServeProcess.start()
        defer { server.stop() }
        let port = server.port
        let reports = RunCommandTests.temporaryDirectory()
        let skipped = try await ProcessResult.run(
            BuiltCLI.url,
            [
                "run", "--endpoint", "http://127.0.0.1:\(port)", "--kind", "signature", "--report-dir", reports,
                "--quiet",
            ])
        #expect(skipped.status == 0, "\(skipped.stdout)")
        #expect(
            try String(contentsOfFile: "\(reports)/report.json", encoding: .utf8).contains("does not check signatures"))
        let forced = try await ProcessResult.run(
            BuiltCLI.url,
            [
                "run", "--endpoint", "http://127.0.0.1:\(port)", "--kind", "signature", "--signature-checks",
                "--report-dir", reports, "--quiet",
            ])
        #expect(forced.status == 1)
        #expect(forced.stdout.contains("FAILED SigV4/signature/unsigned"))
    }

    @Test func passesAgainstAVerifyingServer() async throws {
        let server = try await ServeProcess.start(["--verify-signatures"])
        defer { server.stop() }
        let port = server.port
        let result = try await ProcessResult.run(
            BuiltCLI.url,
            [
                "run", "--endpoint", "http://127.0.0.1:\(port)", "--kind", "signature", "--kind", "protocol",
                "--report-dir", RunCommandTests.temporaryDirectory(), "--quiet",
            ])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("SigV4") && result.stdout.contains("QueryProtocol"))
    }
}
