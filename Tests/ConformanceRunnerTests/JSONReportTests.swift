import CaseGenerator
import ComplianceReport
import ConformanceRunner
import Foundation
import ReferenceServer
import Testing

/// report.json is written one result at a time (a long run's whole-report encoding was its memory peak), and is the
/// very text `JSONEncoder` writes for the whole report: same bytes, same report read back.
@Suite struct JSONReportTests {
    static func wholeReportText(_ report: RunReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
    }

    @Test func resultsWrittenOneAtATimeAreTheWholeReportsText() async throws {
        let cases = Fixtures.cases.filter { $0.operation == "StopDBCluster" || $0.operation == "DescribeDBClusters" }
        // A fault, so findings, reasons and answers are in the results as well as passes.
        let report = try await ReferenceServer.withRunning(
            emulator: NeptuneEmulator(spec: Fixtures.spec, configuration: .init(faults: [.wrongErrorCode]))
        ) { url in
            await ConformanceRun(spec: Fixtures.spec, endpoint: Endpoint(url: url), goldenDirectory: Fixtures.goldens)
                .run(cases).report
        }
        #expect(report.results.count == cases.count && report.results.contains { $0.verdict == .failed })
        let streamed = try ReportFormat.json.render(report)
        #expect(streamed == (try Self.wholeReportText(report)))
        #expect(try JSONDecoder().decode(RunReport.self, from: Data(streamed.utf8)) == report)
    }

    @Test func aReportWithoutResultsIsWrittenWhole() throws {
        var report = try JSONDecoder().decode(
            RunReport.self, from: Data(try ReportFormat.json.render(Self.sample()).utf8))
        report.results = []
        #expect(try ReportFormat.json.render(report) == (try Self.wholeReportText(report)))
    }

    @Test func theWrittenFileIsTheRenderedTextAndNothingIsLeftBeside() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nc-json-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let report = Self.sample()
        for _ in 0..<2 {  // the second write replaces the first
            let paths = try ReportWriter.write(report, to: folder, formats: [.json])
            #expect(try String(contentsOfFile: paths[0], encoding: .utf8) == (try ReportFormat.json.render(report)))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["report.json"])
    }

    static func sample() -> RunReport {
        RunReport(
            endpoint: "embedded", apiVersion: "2014-10-31", seed: 1, startedAt: "1970-01-01T00:00:00Z",
            durationSeconds: 0.5, comparison: "strict",
            results: [
                CaseResult(
                    id: "A/valid/minimal", operation: "A", kind: .valid, tags: ["A"], covers: ["A.request.X"],
                    summary: "line one\nline two \"quoted\" ] [", verdict: .passed, requestBody: "Action=A",
                    expected: "success")
            ])
    }
}
