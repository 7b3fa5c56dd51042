import ComplianceReport
import ConformanceRunner
import Exploration
import Foundation

/// The console summary and the JSON file of an explore run.
enum ExploreSummary {
    static func text(_ report: ExploreReport) -> String {
        var lines = [
            String(
                format: "%d steps in %d sequences, %.1f s (%.0f steps/s), ended by %@",
                report.steps, report.sequences, report.seconds, report.stepsPerSecond, report.endedBy),
            "Coverage: \(report.coverage.count) (kind, state, operation) triples reached",
        ]
        var byKind: [String: (triples: Int, states: [String])] = [:]
        for item in report.coverage {
            var entry = byKind[item.triple.kind] ?? (0, [])
            entry.triples += 1
            if !entry.states.contains(item.triple.state) { entry.states.append(item.triple.state) }
            byKind[item.triple.kind] = entry
        }
        for (kind, entry) in byKind.sorted(by: { $0.key < $1.key }) {
            lines.append("  \(kind): \(entry.triples) (states: \(entry.states.sorted().joined(separator: ", ")))")
        }
        if report.differences.isEmpty {
            lines.append("No difference from the reference.")
        } else {
            lines.append("\(report.differences.count) distinct differences:")
            for difference in report.differences {
                var inferred = difference.inferred ? " (on an inferred expectation)" : ""
                if difference.shrinkingCut { inferred += " (shrinking cut short)" }
                if !difference.reproduced && !difference.shrinkingCut { inferred += " (did not differ when replayed)" }
                lines.append(
                    "  \(difference.number). \(difference.operation): found at step \(difference.foundAtStep), "
                        + "shrunk from \(difference.originalLength) to \(difference.shrunkLength) steps\(inferred)")
                for step in difference.steps { lines.append("       \(step)") }
                if let finding = Finding.leading(difference.findings) {
                    lines.append(
                        finding.description.split(separator: "\n").map { "     " + $0 }.joined(separator: "\n"))
                }
                if let file = difference.replayFile { lines.append("     replay: \(file)") }
            }
        }
        if report.leftovers.isEmpty {
            lines.append("Final sweep: nothing of the run left on the target.")
        } else {
            lines.append("Final sweep: \(report.leftovers.count) left on the target:")
            lines += report.leftovers.map { "  " + $0 }
        }
        return lines.joined(separator: "\n")
    }

    /// Writes the run as the suite's JUnit, HTML and Markdown reports (`explore-junit.xml`, `explore.html`,
    /// `explore.md`) beside `explore.json`; returns their paths.
    static func writeFormats(_ report: ExploreReport, apiVersion: String, to directory: String) throws -> [String] {
        let run = report.runReport(apiVersion: apiVersion)
        var paths: [String] = []
        for (format, name) in [
            (ReportFormat.junit, "explore-junit.xml"), (.html, "explore.html"), (.markdown, "explore.md"),
        ] {
            let path = (directory as NSString).appendingPathComponent(name)
            try Data(try format.render(run).utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            paths.append(path)
        }
        return paths
    }

    /// Writes `explore.json` to `directory`; returns its path.
    static func write(_ report: ExploreReport, to directory: String) throws -> String {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let path = (directory as NSString).appendingPathComponent("explore.json")
        try encoder.encode(report).write(to: URL(fileURLWithPath: path))
        return path
    }
}
