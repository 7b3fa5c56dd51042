import ConformanceTestSupport
import Foundation
import Testing

/// The HTML report as a real browser sees it: headless Chromium loads the page, and the DOM it
/// builds has the matrix, the departures with their differences, and no element injected by
/// hostile text from the endpoint.
@Suite(.enabled(if: ExternalTool.chromium.runsHere, Comment(rawValue: ExternalTool.chromium.skipReason)))
struct HTMLReportBrowserTests {
    @Test func theReportRendersInHeadlessChromium() async throws {
        let browser = try ExternalTool.chromium.require()
        let reports = RunCommandTests.temporaryDirectory()
        let run = try await ProcessResult.run(
            BuiltCLI.url,
            [
                "run", "--fault", "wrong-namespace", "--fault", "stop-stopped-cluster", "--report-dir", reports,
                "--quiet",
            ])
        #expect(run.status == 1)
        let page = "file://\(reports)/report.html"
        let flags = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--user-data-dir=\(reports)/chromium-profile",
        ]
        let dom = try await ProcessResult.run(URL(fileURLWithPath: browser), flags + ["--dump-dom", page])
        #expect(dom.status == 0, "\(dom.stderr.suffix(500))")
        #expect(dom.stdout.contains("<table id=\"matrix\">"))
        for operation in ["CreateDBCluster", "StopDBCluster", "RestoreDBClusterToPointInTime"] {
            #expect(dom.stdout.contains("<td>\(operation)</td>"))
        }
        #expect(dom.stdout.contains("StopDBCluster/stateful/DBClusterIdentifier/in-state-stopped"))
        #expect(dom.stdout.contains("namespace"))
        #expect(!dom.stdout.contains("<script"))
        #expect(dom.stdout.contains("<table id=\"coverage-table\">"))
        #expect(dom.stdout.contains("StopDBCluster#state:DBClusterIdentifier"))
        // Findings lead the page, each expandable to its cases.
        let findings = try #require(dom.stdout.range(of: "<div id=\"findings-list\">"))
        let matrix = try #require(dom.stdout.range(of: "<table id=\"matrix\">"))
        #expect(findings.lowerBound < matrix.lowerBound, "findings come before the matrix")
        #expect(
            dom.stdout.contains("<details class=\"finding\" id=\"finding-accepts-invalid/state\">"),
            "the stopped-cluster fault is one finding")
        #expect(
            dom.stdout.contains("<details class=\"finding\" id=\"finding-wrong-value/xmlns\">"),
            "the wrong namespace is one finding")
        #expect(
            dom.stdout.contains(
                "<ul class=\"finding-cases\"><li><a href=\"#StopDBCluster/stateful/DBClusterIdentifier/in-state-stopped\">"
            ))
        #expect(dom.stdout.contains("<p id=\"score\"><b>Score: "))
        let shot = try await ProcessResult.run(
            URL(fileURLWithPath: browser),
            flags + ["--screenshot=\(reports)/report.png", "--window-size=1200,1600", page])
        #expect(shot.status == 0)
        let size = (try? FileManager.default.attributesOfItem(atPath: "\(reports)/report.png")[.size] as? Int) ?? 0
        #expect(size > 20_000, "the screenshot is \(size) bytes")
    }

    @Test func theParityReportRendersInHeadlessChromium() async throws {
        let browser = try ExternalTool.chromium.require()
        let reports = RunCommandTests.temporaryDirectory()
        let parity = try await ProcessResult.run(
            BuiltCLI.url,
            ["parity", "--endpoint", "embedded", "--endpoint", "embedded:accept-out-of-range", "--report-dir", reports])
        #expect(parity.status == 1)
        let flags = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--user-data-dir=\(reports)/chromium-profile",
        ]
        let dom = try await ProcessResult.run(
            URL(fileURLWithPath: browser), flags + ["--dump-dom", "file://\(reports)/parity.html"])
        #expect(dom.status == 0)
        #expect(
            dom.stdout.contains("<table id=\"parity-operations\">")
                && dom.stdout.contains("<table id=\"parity-constraints\">"))
        #expect(dom.stdout.contains("CreateDBCluster/invalid/BackupRetentionPeriod/below-minimum"))
        #expect(dom.stdout.contains("CreateDBCluster.BackupRetentionPeriod#range"))
    }
}
