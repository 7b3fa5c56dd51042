import ConformanceTestSupport
import Foundation
import Testing

/// `run --baseline`: CI fails only on what is new. A baseline recorded from the conformant server,
/// used against a server with one fault, names exactly that fault's failing cases as new; a bad
/// baseline file is a clear error (exit 2) before anything runs.
@Suite struct BaselineTests {
    static func json(_ path: String) throws -> [String: Any] {
        try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    }

    /// The StopDBCluster cases only: the fault departs there, and the baseline's mechanics are the same for any size.
    @Test func aConformantBaselineNamesOnlyTheFaultsCasesAsNew() async throws {
        let folder = RunCommandTests.temporaryDirectory()
        let file = "\(folder)/baseline.json"
        let record = try await ProcessResult.run(
            BuiltCLI.url,
            [
                "run", "--operation", "StopDBCluster", "--baseline", file, "--update-baseline", "--report-dir",
                "\(folder)/a", "--quiet",
            ])
        #expect(record.status == 0, "\(record.stderr)")
        let baseline = try Self.json(file)
        #expect((baseline["entries"] as? [Any])?.isEmpty == true, "the conformant server departs nowhere")

        let faulty = try await ProcessResult.run(
            BuiltCLI.url,
            [
                "run", "--operation", "StopDBCluster", "--endpoint", "embedded:stop-stopped-cluster", "--baseline",
                file, "--report-dir", "\(folder)/b",
                "--quiet",
            ])
        #expect(faulty.status == 1)
        let report = try Self.json("\(folder)/b/report.json")
        let failing = Set(
            (report["results"] as? [[String: Any]] ?? []).filter { ($0["verdict"] as? String) != "passed" }.compactMap {
                $0["id"] as? String
            })
        let outcome = try #require(report["baseline"] as? [String: Any])
        #expect(Set(outcome["new"] as? [String] ?? []) == failing && !failing.isEmpty)
        #expect((outcome["known"] as? [String])?.isEmpty == true && (outcome["fixed"] as? [String])?.isEmpty == true)
        #expect(
            faulty.stdout.contains("NEW StopDBCluster/stateful/DBClusterIdentifier/in-state-stopped"),
            "\(faulty.stdout.suffix(1500))")

        // Recorded from the faulty server, the same baseline knows those cases: exit 0; the conformant server fixes them.
        let again = try await ProcessResult.run(
            BuiltCLI.url,
            [
                "run", "--operation", "StopDBCluster", "--endpoint", "embedded:stop-stopped-cluster", "--baseline",
                file, "--update-baseline",
                "--report-dir", "\(folder)/c", "--quiet",
            ])
        #expect(again.status == 0)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(
            text.split(separator: "\n").filter { $0.contains("\"case\"") }.count == failing.count, "one entry a line")
        let fixed = try await ProcessResult.run(
            BuiltCLI.url,
            ["run", "--operation", "StopDBCluster", "--baseline", file, "--report-dir", "\(folder)/d", "--quiet"])
        #expect(fixed.status == 0)
        #expect(
            Set(((try Self.json("\(folder)/d/report.json"))["baseline"] as? [String: Any])?["fixed"] as? [String] ?? [])
                == failing)
        #expect(
            try String(contentsOfFile: "\(folder)/d/summary.md", encoding: .utf8).contains(
                "0 new, 0 known, \(failing.count) fixed"))
    }

    @Test(
        arguments: [
            ("missing", nil, "no such file; record one with --baseline"),
            ("not-json", "<html>502 Bad Gateway</html>", "not a JSON baseline"),
            (
                "no-entries", "{\"schemaVersion\": 1, \"tool\": \"x\", \"apiVersion\": \"2014-10-31\"}",
                "missing key 'entries' at the top level"
            ),
            (
                "bad-entry",
                "{\"schemaVersion\": 1, \"tool\": \"x\", \"apiVersion\": \"v\", \"entries\": [{\"case\": \"a\", \"finding\": 3, \"fingerprint\": \"f\"}]}",
                "wrong type at .entries[0].finding"
            ),
            (
                "twice",
                "{\"schemaVersion\": 1, \"tool\": \"x\", \"apiVersion\": \"v\", \"entries\": [{\"case\": \"a\", \"finding\": \"f\", \"fingerprint\": \"1\"}, {\"case\": \"a\", \"finding\": \"f\", \"fingerprint\": \"1\"}]}",
                "case a is listed twice"
            ),
            (
                "version", "{\"schemaVersion\": 9, \"tool\": \"x\", \"apiVersion\": \"v\", \"entries\": []}",
                "schemaVersion 9 is not supported"
            ),
        ] as [(String, String?, String)])
    func aBadBaselineIsAClearErrorBeforeAnythingRuns(_ name: String, _ text: String?, _ message: String) async throws {
        let folder = RunCommandTests.temporaryDirectory()
        let file = "\(folder)/\(name).json"
        if let text { try text.write(toFile: file, atomically: true, encoding: .utf8) }
        let result = try await ProcessResult.run(
            BuiltCLI.url, ["run", "--baseline", file, "--report-dir", "\(folder)/r"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("baseline \(file): \(message)"), "\(result.stderr)")
        #expect(!result.stderr.contains("Running"), "nothing may run")
        let usage = try await ProcessResult.run(BuiltCLI.url, ["run", "--update-baseline"])
        #expect(usage.status == 64 && usage.stderr.contains("--update-baseline needs --baseline FILE"))
    }

    /// `report a.json b.json …` merges shards: findings, score and coverage over all cases; overlaps and gaps named.
    @Test func shardsMergeIntoOneReport() async throws {
        let folder = RunCommandTests.temporaryDirectory()
        for shard in 1...3 {
            let run = try await ProcessResult.run(
                BuiltCLI.url, ["run", "--shard", "\(shard)/3", "--report-dir", "\(folder)/s\(shard)", "--quiet"])
            #expect(run.status == 0)
        }
        let merged = try await ProcessResult.run(
            BuiltCLI.url,
            ["report"] + (1...3).map { "\(folder)/s\($0)/report.json" } + ["--report-dir", "\(folder)/all"])
        #expect(merged.status == 0, "\(merged.stderr)")
        let report = try Self.json("\(folder)/all/report.json")
        let all = try await ProcessResult.run(BuiltCLI.url, ["cases", "--format", "jsonl"])
        #expect((report["results"] as? [Any])?.count == all.stdout.split(separator: "\n").count)
        let score = try #require(report["score"] as? [String: Any])
        #expect((score["items"] as? [String: Any])?["percent"] as? Double == 100)
        #expect(
            (report["coverage"] as? [[String: Any]])?.allSatisfy { !(($0["cases"] as? [String: Any]) ?? [:]).isEmpty }
                == true, "every item exercised across the shards")
        for name in ["report.html", "summary.md", "junit.xml", "badge.json"] {
            #expect(FileManager.default.fileExists(atPath: "\(folder)/all/\(name)"))
        }

        let gap = try await ProcessResult.run(
            BuiltCLI.url,
            ["report", "\(folder)/s1/report.json", "\(folder)/s3/report.json", "--report-dir", "\(folder)/gap"])
        #expect(gap.status == 2 && gap.stderr.contains("missing shards: 2/3"), "\(gap.stderr)")
        let overlap = try await ProcessResult.run(
            BuiltCLI.url, ["report", "\(folder)/s1/report.json", "\(folder)/s1/report.json"])
        #expect(overlap.status == 2 && overlap.stderr.contains("overlapping shards: case"), "\(overlap.stderr)")
    }
}
