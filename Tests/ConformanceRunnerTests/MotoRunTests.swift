import ConformanceTestSupport
import Foundation
import Testing

/// moto is an independently written Neptune endpoint that is not conformant: the suite must run to
/// its end against it, report its departures, delete what it created, and never crash or hang.
@Suite struct MotoRunTests {
    /// What a whole run against moto 5.2.1 finds (`Tests/Fixtures/moto-5.2.1-findings.txt`): ids every run has, and
    /// (`~id`) ids some runs have.
    static let pinnedFindings: (always: Set<String>, sometimes: Set<String>) = {
        let file = BuiltCLI.packageRoot.appendingPathComponent("Tests/Fixtures/moto-5.2.1-findings.txt")
        let lines = ((try? String(contentsOf: file, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
            .filter { !$0.hasPrefix("#") && !$0.isEmpty }
        return (
            Set(lines.filter { !$0.hasPrefix("~") }),
            Set(lines.filter { $0.hasPrefix("~") }.map { String($0.dropFirst()) })
        )
    }()

    @Test(.enabled(if: ExternalTool.moto.runsHere, Comment(rawValue: ExternalTool.moto.skipReason)))
    func theSuiteRunsToTheEndAgainstMoto() async throws {
        let moto = try ExternalTool.moto.require()
        let port = Loopback.freePort()  // moto_server cannot pick its own port and say which
        let server = try ChildProcess(moto, ["-p", "\(port)"], output: .discard, error: .discard)
        defer {
            server.send(SIGKILL)  // moto_server ignores SIGTERM
            server.wait()
        }
        #expect(await Loopback.waitUntilListening(port: port, seconds: 10), "moto_server did not start on port \(port)")
        let reports = RunCommandTests.temporaryDirectory()
        let result = try await ProcessResult.run(
            BuiltCLI.url,
            [
                "run", "--endpoint", "http://127.0.0.1:\(port)", "--report-dir", reports, "--state-timeout", "10",
                "--quiet",
            ])
        #expect(result.status == 1, "moto is not conformant; exit \(result.status)\n\(result.stderr.suffix(1000))")
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(reports)/report.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let results = json["results"] as? [[String: Any]] ?? []
        let all = try await ProcessResult.run(BuiltCLI.url, ["cases", "--format", "jsonl"]).stdout.split(
            separator: "\n"
        ).count
        #expect(results.count == all)
        // moto does not check signatures: that family alone is skipped, with the reason.
        let skipped = results.filter { ($0["verdict"] as? String) == "skipped" }
        #expect(
            skipped.count == 6
                && skipped.allSatisfy {
                    ($0["kind"] as? String) == "signature"
                        && (($0["reason"] as? String) ?? "").contains("does not check signatures")
                })
        #expect(
            results.filter { $0["verdict"] as? String != "passed" }.allSatisfy {
                ($0["reason"] as? String)?.isEmpty == false
            })
        // Nothing is left behind unless moto itself keeps it, and then the leftover says why: the case it comes from is
        // one moto failed (moto 5.2.1 accepts a rename to an invalid identifier, `NewDBInstanceIdentifier=` empty or 64
        // characters, then refuses every request naming it, the delete and the rename back among them; the instance's
        // cluster cannot be deleted either), and moto's refusal of the delete is quoted.
        let leftovers = json["leftovers"] as? [String] ?? ["(no leftovers list)"]
        let failedCases = Set(
            results.filter { $0["verdict"] as? String == "failed" }.compactMap { $0["id"] as? String })
        for leftover in leftovers {
            let origin = failedCases.first { leftover.contains(" of \($0);") || leftover.contains(" by \($0);") }
            #expect(origin != nil && leftover.contains("its delete got"), "unexplained leftover: \(leftover)")
        }
        if !leftovers.isEmpty { print("moto 5.2: left \(leftovers.joined(separator: "\n  "))") }
        #expect(FileManager.default.fileExists(atPath: "\(reports)/report.html"))

        // Findings: a short triage list that covers every failing and erring case exactly once.
        let findings = json["findings"] as? [[String: Any]] ?? []
        // Every pinned finding comes back; any other must be one of the kinds moto's threaded server produces only under
        // load (an HTTP 500 or a refused set-up where a request raced another in moto's unlocked store; seen in one
        // of three runs: server-error/StopDBCluster, setup-failed/StartDBCluster).
        let found = Set(findings.compactMap { $0["id"] as? String })
        let pinned = Self.pinnedFindings
        #expect(
            pinned.always.count == 77, "moto-5.2.1-findings.txt was read whole: it holds \(pinned.always.count) ids")
        #expect(pinned.always.subtracting(found).isEmpty, "gone: \(pinned.always.subtracting(found).sorted())")
        // Or a finding whose cases are all those moto's minute-named automated snapshots decide (`MotoClockQuirk`: a
        // restore with an identifier a create used within the same minute draws DBClusterSnapshotAlreadyExistsFault).
        let byClock = Set(
            findings.filter { finding in
                (finding["cases"] as? [String] ?? []).allSatisfy { $0.hasPrefix(MotoClockQuirk.prefix) }
            }.compactMap { $0["id"] as? String })
        let extra = found.subtracting(pinned.always).subtracting(pinned.sometimes).subtracting(byClock)
        #expect(
            extra.allSatisfy {
                $0.hasPrefix("server-error/") || $0.hasPrefix("setup-failed/") || $0.hasPrefix("does-not-implement/")
            },
            "new findings against moto 5.2.1: \(extra.sorted())")
        let grouped = findings.flatMap { $0["cases"] as? [String] ?? [] }
        let departing = results.filter {
            ["failed", "errored", "missing-golden"].contains($0["verdict"] as? String ?? "")
        }.compactMap { $0["id"] as? String }
        #expect(grouped.sorted() == departing.sorted() && Set(grouped).count == grouped.count)
        let ids = findings.compactMap { $0["id"] as? String }
        // moto answers an HTML 500 to every DB cluster endpoint operation: that is one finding per operation, listed
        // before every other, and no set-up step is refused for a value the suite made up (its subnets, role and
        // topic are moto's own, found or made on it).
        let unimplemented = ids.prefix { $0.hasPrefix("does-not-implement/") }
        #expect(
            ["CreateDBClusterEndpoint", "DescribeDBClusterEndpoints"].allSatisfy {
                unimplemented.contains("does-not-implement/\($0)")
            }, "\(ids.prefix(20))")
        #expect(!ids.dropFirst(unimplemented.count).contains { $0.hasPrefix("does-not-implement/") })
        #expect(!ids.contains("setup-failed/CreateDBSubnetGroup") && !ids.contains("refuses-valid/CreateDBSubnetGroup"))
        // Every finding says how strong the expectation it departs from is.
        let levels = findings.map { ($0["evidence"] as? [String: Any])?["level"] as? String }
        #expect(levels.allSatisfy { ["documented", "observed", "inferred"].contains($0 ?? "") }, "\(levels)")
        #expect(
            ids.filter { $0.hasSuffix("/BacktrackWindow") } == ["unknown-element/BacktrackWindow"],
            "BacktrackWindow is one finding")
        #expect(ids.contains("server-error/required"), "HTTP 500 on missing parameters is one finding: \(ids)")
        // moto 5.2 ignores MaxRecords on DescribeDBClusters, and answers AllocatedStorage 0 (behind its unknown
        // BacktrackWindow in every cluster answer, so a masked finding); its regions keep their own clusters.
        #expect(ids.contains("breaks-paging/paging"), "\(ids)")
        let masked = (json["maskedFindings"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(masked.contains("wrong-value/AllocatedStorage"), "\(masked)")
        let isolated = results.first {
            $0["id"] as? String == "DescribeDBClusters/stateful/region/other-region-sees-none"
        }
        #expect(isolated?["verdict"] as? String == "passed", "\(isolated ?? [:])")
        #expect(
            findings.allSatisfy { ($0["title"] as? String)?.isEmpty == false && $0["item"] != nil && $0["kind"] != nil }
        )
        #expect(json["score"] != nil)
        print(
            "moto 5.2: \(findings.count) findings for \(departing.count) departing cases: \(ids.prefix(8).joined(separator: ", ")) …"
        )
    }

    /// A baseline recorded against moto holds against a fresh moto (exit 0, nothing new), and against the
    /// conformant embedded server every entry is fixed. One case at a time: moto accepts invalid identifiers,
    /// and cases that send the same invalid identifier would otherwise race for it.
    ///
    /// A quarter of the suite (`--shard 1/4`): a baseline holds or not case by case, and one case at a time against moto
    /// is the slowest run of all (the README's baseline commands run the whole suite that way).
    @Test(.enabled(if: ExternalTool.moto.runsHere, Comment(rawValue: ExternalTool.moto.skipReason)))
    func aBaselineRecordedAgainstMotoHolds() async throws {
        let moto = try ExternalTool.moto.require()
        let folder = RunCommandTests.temporaryDirectory()
        let file = "\(folder)/moto-baseline.json"
        for (step, extra) in [(1, ["--update-baseline"]), (2, [])] {
            let port = Loopback.freePort()
            let server = try ChildProcess(moto, ["-p", "\(port)"], output: .discard, error: .discard)
            defer {
                server.send(SIGKILL)
                server.wait()
            }
            #expect(await Loopback.waitUntilListening(port: port, seconds: 30))
            let run = try await ProcessResult.run(
                BuiltCLI.url,
                [
                    "run", "--endpoint", "http://127.0.0.1:\(port)", "--concurrency", "1", "--baseline", file,
                    "--report-dir", "\(folder)/r\(step)", "--quiet", "--shard", "1/4",
                ] + extra)
            let quirk =
                run.status == 1 && MotoClockQuirk.explainsEveryNewCase(inReport: "\(folder)/r\(step)/report.json")
            #expect(run.status == 0 || quirk, "step \(step): \(run.stdout.suffix(1500))")
            let outcome = try #require(
                (try JSONSerialization.jsonObject(
                    with: Data(contentsOf: URL(fileURLWithPath: "\(folder)/r\(step)/report.json"))) as? [String: Any])?[
                        "baseline"] as? [String: Any])
            #expect((outcome["new"] as? [String])?.isEmpty == true || quirk, "step \(step): \(outcome["new"] ?? "")")
        }
        let entries =
            (try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])?[
                "entries"] as? [Any] ?? []
        // One entry per case that departed in the recording run.
        let recorded = try #require(
            (try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(folder)/r1/report.json")))
                as? [String: Any])?["results"] as? [[String: Any]])
        let departed = recorded.filter { ["failed", "errored"].contains($0["verdict"] as? String ?? "") }
        #expect(entries.count == departed.count, "\(entries.count) entries for \(departed.count) departing cases")
        let embedded = try await ProcessResult.run(
            BuiltCLI.url, ["run", "--baseline", file, "--report-dir", "\(folder)/e", "--quiet", "--shard", "1/4"])
        #expect(embedded.status == 0)
        let outcome = try #require(
            (try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(folder)/e/report.json")))
                as? [String: Any])?["baseline"] as? [String: Any])
        #expect(
            (outcome["fixed"] as? [String])?.count == entries.count, "every entry is fixed on the conformant server")
    }
}
