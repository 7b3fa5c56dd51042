import ConformanceTestSupport
import Foundation
import Testing

/// The machine-readable outputs are a documented contract: Schemas/*.schema.json (JSON Schema
/// 2020-12), validated here against the real output of the CLI, and shown able to refuse.
@Suite(.enabled(if: ExternalTool.jsonschema.runsHere, Comment(rawValue: ExternalTool.jsonschema.skipReason)))
struct JSONSchemaTests {
    static func validate(_ schema: String, _ file: String, jsonl: Bool = false) async throws -> ProcessResult {
        let python = try ExternalTool.jsonschema.require()
        let script = BuiltCLI.packageRoot.appendingPathComponent("Tests/Tools/validate_json.py").path
        let schemaPath = BuiltCLI.packageRoot.appendingPathComponent("Schemas/\(schema)").path
        return try await ProcessResult.run(
            URL(fileURLWithPath: python), [script, schemaPath, file] + (jsonl ? ["--jsonl"] : []))
    }

    @Test func everyCaseLineFollowsTheCaseSchema() async throws {
        let folder = RunCommandTests.temporaryDirectory()
        let cases = try await ProcessResult.run(BuiltCLI.url, ["cases", "--format", "jsonl"])
        #expect(cases.status == 0)
        try cases.stdout.write(toFile: "\(folder)/cases.jsonl", atomically: true, encoding: .utf8)
        let result = try await Self.validate("case.schema.json", "\(folder)/cases.jsonl", jsonl: true)
        #expect(result.status == 0, "\(result.stdout.suffix(2000))")
        #expect(result.stdout.contains("\(cases.stdout.split(separator: "\n").count) documents, 0 invalid"))
        #expect(!cases.stdout.contains("\"_0\""), "no Swift enum encoding in the contract")
    }

    @Test func aRunsReportBaselineAndBadgeFollowTheirSchemas() async throws {
        let folder = RunCommandTests.temporaryDirectory()
        let run = try await ProcessResult.run(
            BuiltCLI.url,
            [
                "run", "--endpoint", "embedded:accept-out-of-range,missing-response-member", "--baseline",
                "\(folder)/baseline.json", "--update-baseline",
                "--report-dir", folder, "--quiet",
            ])
        #expect(run.status == 0, "\(run.stderr)")
        for (schema, file) in [
            ("report.schema.json", "report.json"), ("baseline.schema.json", "baseline.json"),
            ("badge.schema.json", "badge.json"),
        ] {
            let result = try await Self.validate(schema, "\(folder)/\(file)")
            #expect(result.status == 0, "\(file): \(result.stdout.suffix(2000))")
        }
        let report = try String(contentsOfFile: "\(folder)/report.json", encoding: .utf8)
        #expect(report.contains("\"findings\"") && report.contains("\"score\"") && report.contains("\"baseline\""))
    }

    @Test func theSchemasRefuseWhatBreaksTheContract() async throws {
        let folder = RunCommandTests.temporaryDirectory()
        let broken = [
            (
                "report.schema.json",
                "{\"tool\": \"neptune-conformance\", \"endpoint\": \"e\", \"apiVersion\": \"v\", \"seed\": 1, \"startedAt\": \"t\", \"durationSeconds\": 1, \"comparison\": \"strict\", \"results\": [{\"verdict\": \"weird\"}], \"leftovers\": [], \"notes\": []}"
            ),
            (
                "baseline.schema.json",
                "{\"schemaVersion\": 1, \"tool\": \"t\", \"apiVersion\": \"v\", \"entries\": [{\"case\": \"a\", \"finding\": \"x\", \"fingerprint\": \"nothex\"}]}"
            ),
            (
                "case.schema.json",
                "{\"id\": \"a\", \"request\": {\"operation\": \"X\", \"parameters\": {\"A\": {\"scalar\": {\"_0\": 1}}}}}"
            ),
        ]
        for (index, (schema, text)) in broken.enumerated() {
            try text.write(toFile: "\(folder)/\(index).json", atomically: true, encoding: .utf8)
            let result = try await Self.validate(schema, "\(folder)/\(index).json")
            #expect(
                result.status == 1 && result.stdout.contains("1 documents, 1 invalid"),
                "\(schema) accepted a broken document: \(result.stdout)")
        }
    }
}
