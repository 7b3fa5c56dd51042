import ConformanceRunner
import ConformanceSpec
import Foundation

/// `summary.md`, what a CI job summary shows: the score, the root causes first (new ones first
/// against a baseline), then the operations, the coverage and what was not deleted.
enum MarkdownReport {
    static func render(_ report: RunReport) -> String {
        let verdictIcon = report.exitCode == 0 ? "✅" : "❌"
        var md = "# \(verdictIcon) Neptune conformance: \(report.endpoint)\n\n"
        if let score = report.score {
            md +=
                "**Score: \(score.items.percent)% of spec items honoured** (\(score.items.good) of \(score.items.total)); \(score.cases.percent)% of cases passed (\(score.cases.good) of \(score.cases.total)).\n\n"
        }
        md +=
            "\(report.results.count) cases in \(String(format: "%.2f", report.durationSeconds)) s: **\(report.count(.passed)) passed**, \(report.count(.failed)) failed, \(report.count(.errored)) errored, \(report.count(.missingGolden)) without golden, \(report.count(.skipped)) skipped. API \(report.apiVersion), seed \(report.seed), \(report.comparison) comparison\(report.shard.map { ", shard \($0)" } ?? "").\n\n"
        if let levels = report.score?.byEvidence, !levels.isEmpty {
            md +=
                "Cases passed by evidence: "
                + Evidence.Level.allCases.reversed().compactMap { level in
                    levels[level.rawValue].map { "\(level.rawValue) \($0.good) of \($0.total) (\($0.percent)%)" }
                }.joined(separator: ", ") + ".\n\n"
        }
        if let baseline = report.baseline { md += baselineSection(baseline) }
        let findings = report.findings ?? []
        if !findings.isEmpty {
            md +=
                "## Findings (\(findings.count) root causes of \(findings.reduce(0) { $0 + $1.cases.count }) cases)\n\n| cases | finding | id | evidence |\n|---:|---|---|---|\n"
            for finding in findings {
                md +=
                    "| \(finding.cases.count) | \(cell(finding.title)) | `\(finding.id)` | \(cell(evidenceText(finding.evidence))) |\n"
            }
            md += "\n"
        }
        if let masked = report.maskedFindings, !masked.isEmpty {
            md += "Behind those, departures no finding shows (another comes first in each of their cases):\n\n"
            for finding in masked.prefix(20) {
                md += "- \(cell(finding.title)), in \(finding.cases.count) cases (`\(finding.id)`)\n"
            }
            md += "\n"
        }
        md += "| operation | passed | failed | errored | no golden | skipped |\n|---|---:|---:|---:|---:|---:|\n"
        for (operation, counts) in report.byOperation {
            md +=
                "| \(operation) | \(counts[.passed] ?? 0) | \(counts[.failed] ?? 0) | \(counts[.errored] ?? 0) | \(counts[.missingGolden] ?? 0) | \(counts[.skipped] ?? 0) |\n"
        }
        let problems = report.results.filter {
            $0.verdict == .failed || $0.verdict == .errored || $0.verdict == .missingGolden
        }
        if !problems.isEmpty {
            md += "\n<details><summary>Departures, case by case (\(problems.count))</summary>\n\n"
            for result in problems.prefix(200) {
                md += "- `\(result.id)` **\(result.verdict.rawValue)**: \(cell(result.reason ?? ""))\n"
            }
            if problems.count > 200 { md += "- … and \(problems.count - 200) more (see report.html)\n" }
            md += "\n</details>\n"
        }
        if let coverage = report.coverage {
            let unexercised = coverage.filter { !$0.exercised }
            md +=
                "\n**Constraint coverage:** \(coverage.count - unexercised.count) of \(coverage.count) spec items exercised, \(coverage.filter(\.allPassed).count) with every case passing.\n"
            if !unexercised.isEmpty { md += unexercised.prefix(30).map { "- not exercised: `\($0.item)`\n" }.joined() }
        }
        let unprovenanced = report.results.filter { $0.findings.contains { $0.kind == .provenance } }
        if !unprovenanced.isEmpty {
            md +=
                "\n**Goldens to check:** \(unprovenanced.count) without provenance or recorded for another API revision.\n"
        }
        if !report.leftovers.isEmpty {
            md += "\n## Not deleted\n\n" + report.leftovers.map { "- \($0)\n" }.joined()
        }
        for note in report.notes { md += "\n> \(note)\n" }
        return md
    }

    static func baselineSection(_ baseline: BaselineOutcome) -> String {
        var md =
            "## Against the baseline `\(baseline.file)`: \(baseline.new.count) new, \(baseline.known.count) known, \(baseline.fixed.count) fixed\n\n"
        if !baseline.new.isEmpty {
            md += "**New departures** (these fail the run):\n\n"
            md += baseline.new.prefix(100).map { id in
                "- `\(id)`" + (baseline.changed[id].map { ": \(cell($0))" } ?? "") + "\n"
            }.joined()
            if baseline.new.count > 100 { md += "- … and \(baseline.new.count - 100) more\n" }
            md += "\n"
        }
        if !baseline.fixed.isEmpty {
            md +=
                "**Fixed** (listed in the baseline, now passing; `--update-baseline` drops them):\n\n"
                + baseline.fixed.prefix(100).map { "- `\($0)`\n" }.joined() + "\n"
        }
        return md
    }

    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ").replacingOccurrences(
            of: "<", with: "&lt;")
    }
}

extension MarkdownReport {
    /// `**documented**: botocore's model …`, or a dash when nothing says.
    static func evidenceText(_ evidence: Evidence?) -> String {
        guard let evidence else { return "–" }
        return "**\(evidence.level.rawValue)**: \(evidence.source)"
    }
}
