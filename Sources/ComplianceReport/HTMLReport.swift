import CaseGenerator
import ConformanceRunner
import Foundation

/// One self-contained HTML page: summary, a matrix of operations by kind, and every departure with
/// its request, expectation, answer and findings. Every value from the endpoint is escaped.
enum HTMLReport {
    static let kinds: [TestCase.Kind] = [.valid, .invalid, .stateful]

    static func render(_ report: RunReport) -> String {
        let e = Escape.markup
        var html = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Neptune conformance: \(e(report.endpoint))</title>
            <style>
            body{font:14px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem;color:#1d232b}
            h1{font-size:1.5rem;margin-bottom:.2rem} h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #d8dee4;padding-bottom:.3rem}
            .meta{color:#57606a} table{border-collapse:collapse;margin:1rem 0} th,td{border:1px solid #d8dee4;padding:.35rem .6rem;text-align:right}
            th:first-child,td:first-child{text-align:left} th{background:#f6f8fa}
            .ok{background:#dafbe1} .bad{background:#ffebe9} .warn{background:#fff8c5} .none{color:#8c959f}
            .verdict{font-weight:600;text-transform:uppercase;font-size:.75rem;padding:.1rem .4rem;border-radius:.3rem}
            .failed,.missing-golden{background:#cf222e;color:#fff} .errored{background:#9a6700;color:#fff} .passed{background:#1a7f37;color:#fff} .skipped{background:#8c959f;color:#fff}
            details{border:1px solid #d8dee4;border-radius:.4rem;margin:.4rem 0;padding:.4rem .7rem} summary{cursor:pointer}
            pre{background:#f6f8fa;padding:.6rem;overflow:auto;white-space:pre-wrap;word-break:break-all;font-size:12px}
            .del{color:#cf222e} .add{color:#1a7f37} code{font-size:12px}
            [class^=evidence-]{font-size:.7rem;font-weight:600;text-transform:uppercase;padding:.05rem .35rem;border-radius:.3rem;color:#fff}
            .evidence-documented{background:#0969da} .evidence-observed{background:#8250df} .evidence-inferred{background:#8c959f}
            </style></head><body>
            <h1>Neptune conformance report</h1>
            <p class="meta">Endpoint <b>\(e(report.endpoint))</b> · API \(e(report.apiVersion)) · seed \(report.seed) · \(e(report.comparison)) comparison · started \(e(report.startedAt)) · \(String(format: "%.2f", report.durationSeconds)) s</p>
            <p id="totals"><b>\(report.results.count)</b> cases: <span class="verdict passed">\(report.count(.passed)) passed</span>
            <span class="verdict failed">\(report.count(.failed)) failed</span> <span class="verdict errored">\(report.count(.errored)) errored</span>
            <span class="verdict missing-golden">\(report.count(.missingGolden)) no golden</span> <span class="verdict skipped">\(report.count(.skipped)) skipped</span></p>

            """
        html += findings(report)
        html += matrix(report)
        let problems = report.results.filter { $0.verdict != .passed && $0.verdict != .skipped }
        html += "<h2 id=\"departures\">Departures (\(problems.count))</h2>\n"
        if problems.isEmpty { html += "<p>None: every case conforms.</p>\n" }
        for result in problems { html += detail(result) }
        if !report.leftovers.isEmpty {
            html += "<h2>Not deleted</h2><ul>" + report.leftovers.map { "<li>\(e($0))</li>" }.joined() + "</ul>\n"
        }
        html += coverage(report)
        html += provenance(report)
        if !report.notes.isEmpty {
            html += "<h2>Notes</h2><ul>" + report.notes.map { "<li>\(e($0))</li>" }.joined() + "</ul>\n"
        }
        html += "<h2>All cases</h2>\n<table id=\"cases\"><tr><th>case</th><th>verdict</th><th>ms</th></tr>\n"
        for result in report.results {
            html +=
                "<tr><td><code>\(e(result.id))</code></td><td><span class=\"verdict \(result.verdict.rawValue)\">\(result.verdict.rawValue)</span></td><td>\(String(format: "%.1f", result.durationMilliseconds))</td></tr>\n"
        }
        html += "</table>\n</body></html>\n"
        return html
    }

    /// Every spec item with the cases that exercised it; the ones no case exercised stand out.
    static func coverage(_ report: RunReport) -> String {
        guard let coverage = report.coverage else { return "" }
        let exercised = coverage.filter(\.exercised).count
        var html =
            "<h2 id=\"coverage\">Constraint coverage (\(exercised) of \(coverage.count) exercised)</h2>\n<table id=\"coverage-table\"><tr><th>spec item</th><th>cases</th><th>passed</th><th>not passed</th></tr>\n"
        for entry in coverage {
            let passed = entry.cases.values.filter { $0 == .passed }.count
            let style = !entry.exercised ? "warn" : (entry.allPassed ? "ok" : "bad")
            let failing = entry.cases.filter { $0.value != .passed }.keys.sorted().map {
                "<code>\(Escape.markup($0))</code>"
            }.joined(separator: " ")
            html +=
                "<tr class=\"\(style)\"><td><code>\(Escape.markup(entry.item))</code></td><td>\(entry.exercised ? String(entry.cases.count) : "none")</td><td>\(passed)</td><td>\(failing)</td></tr>\n"
        }
        return html + "</table>\n"
    }

    /// Goldens without provenance, or recorded for another API revision.
    static func provenance(_ report: RunReport) -> String {
        let flagged = report.results.flatMap { result in
            result.findings.filter { $0.kind == .provenance }.map { (result.id, $0) }
        }
        guard !flagged.isEmpty else { return "" }
        var html = "<h2 id=\"provenance\">Goldens to check (\(flagged.count))</h2><ul>\n"
        for (id, finding) in flagged {
            html +=
                "<li><code>\(Escape.markup(id))</code>: \(Escape.markup(finding.found ?? "")) (expected \(Escape.markup(finding.expected ?? "")))</li>\n"
        }
        return html + "</ul>\n"
    }

    static func matrix(_ report: RunReport) -> String {
        var html =
            "<h2>Operations by kind</h2>\n<table id=\"matrix\"><tr><th>operation</th>"
            + kinds.map { "<th>\($0.rawValue)</th>" }.joined() + "<th>all</th></tr>\n"
        for (operation, _) in report.byOperation {
            html += "<tr><td>\(Escape.markup(operation))</td>"
            for kind in kinds.map(Optional.some) + [nil] {
                let cases = report.results.filter { $0.operation == operation && (kind == nil || $0.kind == kind) }
                if cases.isEmpty {
                    html += "<td class=\"none\">–</td>"
                    continue
                }
                let passed = cases.filter { $0.verdict == .passed }.count
                let bad = cases.filter { $0.verdict == .failed || $0.verdict == .missingGolden }.count
                let style =
                    bad > 0
                    ? "bad" : (passed + cases.filter { $0.verdict == .skipped }.count == cases.count ? "ok" : "warn")
                html += "<td class=\"\(style)\">\(passed)/\(cases.count)</td>"
            }
            html += "</tr>\n"
        }
        return html + "</table>\n"
    }

    static func detail(_ result: CaseResult) -> String {
        let e = Escape.markup
        var html =
            "<details class=\"case\" id=\"\(e(result.id))\"><summary><span class=\"verdict \(result.verdict.rawValue)\">\(result.verdict.rawValue)</span> <code>\(e(result.id))</code>: \(e(result.reason ?? ""))</summary>\n"
        html += "<p>\(e(result.summary))</p>\n<p><b>Expected:</b> \(e(result.expected))</p>\n"
        if let body = result.requestBody {
            html += "<p><b>Request</b></p><pre>\(e(body.replacingOccurrences(of: "&", with: "\n&")))</pre>\n"
        }
        if !result.findings.isEmpty {
            html += "<p><b>Differences</b></p><pre class=\"diff\">"
            for finding in result.findings {
                html +=
                    "\(finding.warning ? "warning" : "error") [\(e(finding.kind.rawValue))] <b>\(e(finding.path))</b>\n"
                if let expected = finding.expected { html += "<span class=\"del\">- expected: \(e(expected))</span>\n" }
                if let found = finding.found { html += "<span class=\"add\">+ found:    \(e(found))</span>\n" }
            }
            html += "</pre>\n"
        }
        if let status = result.actualStatus {
            html += "<p><b>Answer</b> (HTTP \(status))</p><pre>\(e(result.actualBody ?? ""))</pre>\n"
        }
        return html + "</details>\n"
    }
}
