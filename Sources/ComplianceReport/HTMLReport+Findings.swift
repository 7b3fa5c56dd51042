import ConformanceRunner
import Foundation

extension HTMLReport {
    /// The score, the baseline's verdict and the root causes, each expandable to its cases and one
    /// example with its reproduction. First on the page: it is what a person reads.
    static func findings(_ report: RunReport) -> String {
        let e = Escape.markup
        var html = ""
        if let score = report.score {
            html +=
                "<p id=\"score\"><b>Score: \(score.items.percent)% of spec items honoured</b> (\(score.items.good) of \(score.items.total))"
            html += " · \(score.cases.percent)% of cases passed (\(score.cases.good) of \(score.cases.total))</p>\n"
        }
        if let baseline = report.baseline {
            html +=
                "<h2 id=\"baseline\">Against the baseline <code>\(e(baseline.file))</code>: \(baseline.new.count) new, \(baseline.known.count) known, \(baseline.fixed.count) fixed</h2>\n"
            if !baseline.new.isEmpty {
                html += "<p>New departures (these fail the run):</p><ul id=\"baseline-new\">"
                html +=
                    baseline.new.map { id in
                        "<li><code>\(e(id))</code>\(baseline.changed[id].map { ": " + e($0) } ?? "")</li>"
                    }.joined() + "</ul>\n"
            }
            if !baseline.fixed.isEmpty {
                html +=
                    "<p>Fixed (in the baseline, now passing):</p><ul id=\"baseline-fixed\">"
                    + baseline.fixed.map { "<li><code>\(e($0))</code></li>" }.joined() + "</ul>\n"
            }
        }
        let findings = report.findings ?? []
        html += "<h2 id=\"findings\">Findings (\(findings.count) root causes)</h2>\n"
        if findings.isEmpty { html += "<p>None: every case conforms.</p>\n" }
        html += "<div id=\"findings-list\">\n"
        for finding in findings {
            let example = finding.example
            html +=
                "<details class=\"finding\" id=\"finding-\(e(finding.id))\"><summary><b>\(finding.cases.count)</b> · \(codeSpans(e(finding.title))) <code>\(e(finding.id))</code>\(finding.evidence.map { " <span class=\"evidence-\(e($0.level.rawValue))\">\(e($0.level.rawValue))</span>" } ?? "")</summary>\n"
            html +=
                "<p>Kind <code>\(e(finding.kind.rawValue))</code> · item <code>\(e(finding.item))</code> · spec items: "
            html +=
                finding.items.prefix(20).map { "<code>\(e($0))</code>" }.joined(separator: ", ")
                + (finding.items.count > 20 ? " …" : "") + "</p>\n"
            if let evidence = finding.evidence {
                let counts = (finding.casesByEvidence ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
                html +=
                    "<p class=\"evidence\">Evidence <b class=\"evidence-\(e(evidence.level.rawValue))\">\(e(evidence.level.rawValue))</b>: \(e(evidence.source))"
                    + (counts.count > 1 ? " (cases: \(e(counts.joined(separator: ", "))))" : "") + "</p>\n"
            }
            html += "<p>Example <code>\(e(example.caseId))</code>: expected \(e(example.expected))"
            if let status = example.actualStatus { html += "; answered HTTP \(status)" }
            html += "</p>\n"
            if let request = example.request { html += "<p>Request</p><pre>\(e(request))</pre>\n" }
            if !example.differences.isEmpty {
                html += "<p>Differences</p><pre>" + example.differences.map(e).joined(separator: "\n") + "</pre>\n"
            }
            if let body = example.actualBody { html += "<p>Answer</p><pre>\(e(String(body.prefix(4000))))</pre>\n" }
            html += "<p>Reproduce</p><pre>\(e(example.rerun))</pre>\n"
            if let curl = example.curl { html += "<pre>\(e(curl))</pre>\n" }
            html +=
                "<p>Cases (\(finding.cases.count))</p><ul class=\"finding-cases\">"
                + finding.cases.map { "<li><a href=\"#\(e($0))\"><code>\(e($0))</code></a></li>" }.joined() + "</ul>\n"
            html += "</details>\n"
        }
        html += "</div>\n"
        if let masked = report.maskedFindings, !masked.isEmpty {
            html +=
                "<h3 id=\"masked-findings\">Behind those (\(masked.count))</h3>\n<p>Departures no finding shows, because another comes first in each of their cases.</p>\n<ul>"
            for finding in masked {
                let cases = finding.cases.prefix(5).map { "<a href=\"#\(e($0))\"><code>\(e($0))</code></a>" }
                html +=
                    "<li>\(codeSpans(e(finding.title))) <code>\(e(finding.id))</code>, in \(finding.cases.count) cases: "
                    + cases.joined(separator: ", ") + (finding.cases.count > 5 ? " …" : "") + "</li>"
            }
            html += "</ul>\n"
        }
        return html
    }

    /// Escaped text with its `backtick` spans as <code> (titles quote keywords that way).
    static func codeSpans(_ escaped: String) -> String {
        let parts = escaped.split(separator: "`", omittingEmptySubsequences: false)
        guard parts.count >= 3, parts.count % 2 == 1 else { return escaped }
        return parts.enumerated().map { $0.offset % 2 == 1 ? "<code>\($0.element)</code>" : String($0.element) }
            .joined()
    }
}
