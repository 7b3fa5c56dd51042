import ConformanceRunner
import Foundation

/// parity.json, parity.html and parity.md for a parity run.
public enum ParityReportWriter {
    public static func write(_ report: ParityReport, to directory: String) throws -> [String] {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let files = [
                ("parity.json", String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"),
                ("parity.html", html(report)),
                ("parity.md", markdown(report)),
            ]
            var paths: [String] = []
            for (name, text) in files {
                let path = (directory as NSString).appendingPathComponent(name)
                try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
                paths.append(path)
            }
            return paths
        } catch {
            throw ReportWriterError(
                description: "cannot write the parity reports to \(directory): \(error.localizedDescription)")
        }
    }

    /// The matrix as a table for a terminal.
    public static func table(_ report: ParityReport) -> String {
        let width = max(9, report.operations.map(\.name.count).max() ?? 0)
        var text = "operation".padding(toLength: width, withPad: " ", startingAt: 0) + "  agree  disagree\n"
        for row in report.operations {
            text +=
                row.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                + String(format: "%5d  %8d", row.agree, row.disagree) + "\n"
        }
        let disagreeing = report.constraints.filter { $0.disagree > 0 }
        text +=
            "\n\(report.compared.count - report.disagreements.count) of \(report.compared.count) cases agree; \(disagreeing.count) of \(report.constraints.count) spec items see a disagreement"
        for (reason, count) in report.uncomparedReasons {
            text += "\nNOT COMPARED \(count) case\(count == 1 ? "" : "s"): \(reason)"
        }
        for item in report.disagreements.prefix(25) {
            text +=
                "\nDISAGREE \(item.id)\n    \(report.first): \(item.first.reason ?? item.first.verdict.rawValue)\n    \(report.second): \(item.second.reason ?? item.second.verdict.rawValue)"
        }
        return text
    }

    static func markdown(_ report: ParityReport) -> String {
        var md =
            "# Parity: \(report.first) vs \(report.second)\n\n\(report.compared.count - report.disagreements.count) of \(report.compared.count) cases agree.\n\n"
        if !report.uncompared.isEmpty {
            md +=
                "Not compared (\(report.uncompared.count)):\n\n"
                + report.uncomparedReasons.map { "- \($0.count) × \(MarkdownReport.cell($0.reason))\n" }.joined() + "\n"
        }
        md +=
            "| operation | agree | disagree |\n|---|---:|---:|\n"
            + report.operations.map { "| \($0.name) | \($0.agree) | \($0.disagree) |\n" }.joined()
        md +=
            "\n| spec item | agree | disagree |\n|---|---:|---:|\n"
            + report.constraints.filter { $0.disagree > 0 }.map { "| `\($0.name)` | \($0.agree) | \($0.disagree) |\n" }
            .joined()
        if !report.disagreements.isEmpty {
            md +=
                "\n## Disagreements\n\n"
                + report.disagreements.map {
                    "- `\($0.id)`: \(MarkdownReport.cell($0.first.reason ?? $0.first.verdict.rawValue)) / \(MarkdownReport.cell($0.second.reason ?? $0.second.verdict.rawValue))\n"
                }.joined()
        }
        return md
    }

    static func html(_ report: ParityReport) -> String {
        let e = Escape.markup
        var html = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Parity: \(e(report.first)) vs \(e(report.second))</title>
            <style>body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem}table{border-collapse:collapse;margin:1rem 0}
            th,td{border:1px solid #d8dee4;padding:.3rem .6rem}.ok{background:#dafbe1}.bad{background:#ffebe9}pre{background:#f6f8fa;padding:.5rem;white-space:pre-wrap;word-break:break-all;font-size:12px}
            details{border:1px solid #d8dee4;border-radius:.4rem;margin:.4rem 0;padding:.4rem .7rem}</style></head><body>
            <h1>Parity</h1><p><b>\(e(report.first))</b> vs <b>\(e(report.second))</b> · \(e(report.startedAt)) · \(report.compared.count - report.disagreements.count) of \(report.compared.count) cases agree</p>
            <h2>Operations</h2><table id="parity-operations"><tr><th>operation</th><th>agree</th><th>disagree</th></tr>

            """
        for row in report.operations {
            html +=
                "<tr class=\"\(row.disagree > 0 ? "bad" : "ok")\"><td>\(e(row.name))</td><td>\(row.agree)</td><td>\(row.disagree)</td></tr>\n"
        }
        html +=
            "</table><h2>Spec items</h2><table id=\"parity-constraints\"><tr><th>spec item</th><th>agree</th><th>disagree</th></tr>\n"
        for row in report.constraints {
            html +=
                "<tr class=\"\(row.disagree > 0 ? "bad" : "ok")\"><td><code>\(e(row.name))</code></td><td>\(row.agree)</td><td>\(row.disagree)</td></tr>\n"
        }
        html += "</table>"
        if !report.uncompared.isEmpty {
            html += "<h2>Not compared (\(report.uncompared.count))</h2><ul id=\"parity-not-compared\">"
            html += report.uncomparedReasons.map { "<li>\($0.count) × \(e($0.reason))</li>" }.joined() + "</ul>"
        }
        html += "<h2>Disagreements (\(report.disagreements.count))</h2>\n"
        for item in report.disagreements {
            html += "<details><summary><code>\(e(item.id))</code></summary>"
            html +=
                "<p><b>\(e(report.first))</b>: \(e(item.first.reason ?? item.first.verdict.rawValue))<br><b>\(e(report.second))</b>: \(e(item.second.reason ?? item.second.verdict.rawValue))</p>"
            html += "<pre>" + item.differences.map { e($0.description) }.joined(separator: "\n") + "</pre>"
            html +=
                "<p>First answer</p><pre>\(e(item.first.body ?? ""))</pre><p>Second answer</p><pre>\(e(item.second.body ?? ""))</pre></details>\n"
        }
        return html + "</body></html>\n"
    }
}
