import ConformanceRunner
import Foundation
import QueryProtocol

/// The four report formats, written from one `RunReport` (the JSON is the source of the others).
public enum ReportFormat: String, Sendable, CaseIterable {
    case json
    case junit
    case html
    case markdown
    /// A shields.io endpoint badge of the score.
    case badge

    public var fileName: String {
        switch self {
        case .json: "report.json"
        case .junit: "junit.xml"
        case .html: "report.html"
        case .markdown: "summary.md"
        case .badge: "badge.json"
        }
    }

    public func render(_ report: RunReport) throws -> String {
        switch self {
        case .json: try JSONReport.render(report)
        case .junit: JUnitReport.render(report)
        case .html: HTMLReport.render(report)
        case .markdown: MarkdownReport.render(report)
        case .badge: try BadgeReport.render(report)
        }
    }
}

public struct ReportWriterError: Error, CustomStringConvertible {
    public var description: String
}

/// Writes every format into a directory and reads the JSON back.
public enum ReportWriter {
    /// Writes the reports and returns their paths.
    public static func write(_ report: RunReport, to directory: String, formats: [ReportFormat] = ReportFormat.allCases)
        throws -> [String]
    {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw ReportWriterError(
                description: "cannot create the report directory \(directory): \(error.localizedDescription)")
        }
        var paths: [String] = []
        for format in formats {
            let path = (directory as NSString).appendingPathComponent(format.fileName)
            do {
                if format == .json {
                    try JSONReport.write(report, to: path)
                } else {
                    try Data(try format.render(report).utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
                }
            } catch {
                throw ReportWriterError(description: "cannot write \(path): \(error.localizedDescription)")
            }
            paths.append(path)
        }
        return paths
    }

    public static func read(json path: String) throws -> RunReport {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ReportWriterError(description: "cannot read \(path): no such file (give the report.json of a run)")
        }
        do {
            return try JSONDecoder().decode(RunReport.self, from: data)
        } catch {
            throw ReportWriterError(description: "\(path) is not a neptune-conformance JSON report: \(error)")
        }
    }
}

enum JSONReport {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The report as one JSON document, the text `JSONEncoder` writes for the whole report.
    static func render(_ report: RunReport) throws -> String {
        var text = ""
        try pieces(of: report) { text += $0 }
        return text
    }

    /// Writes report.json in pieces through a file beside `path`, then puts it in place at once: a long run's report
    /// is never whole in memory (encoding ten thousand results at once built a tree twice the size of the text, then
    /// the text, then its bytes: the peak of the run's memory).
    static func write(_ report: RunReport, to path: String) throws {
        let partial = path + ".partial"
        guard FileManager.default.createFile(atPath: partial, contents: nil),
            let handle = FileHandle(forWritingAtPath: partial)
        else { throw ReportWriterError(description: "cannot create \(partial)") }
        var buffer = Data()
        do {
            try pieces(of: report) { piece in
                buffer.append(contentsOf: piece.utf8)
                if buffer.count >= 1 << 16 {
                    try handle.write(contentsOf: buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            try handle.write(contentsOf: buffer)
            try handle.close()
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        }
        guard rename(partial, path) == 0 else {
            try? FileManager.default.removeItem(atPath: partial)
            throw ReportWriterError(description: "cannot put \(partial) in place of \(path)")
        }
    }

    /// The text `JSONEncoder` writes for the whole report, in pieces: the report without its results, then each
    /// result encoded on its own, moved in by the array's indentation.
    static func pieces(of report: RunReport, _ emit: (String) throws -> Void) throws {
        let encoder = encoder()
        var empty = report
        empty.results = []
        let frame = String(decoding: try encoder.encode(empty), as: UTF8.self)
        let key = "\n  \"results\" : ["
        guard !report.results.isEmpty, let open = frame.range(of: key),
            let close = frame[open.upperBound...].range(of: "]")
        else {
            try emit(String(decoding: try encoder.encode(report), as: UTF8.self) + "\n")
            return
        }
        try emit(String(frame[..<open.upperBound]))
        for (index, result) in report.results.enumerated() {
            var text = index == 0 ? "\n" : ",\n"
            // A JSON string holds no raw line break, so every line of the result moves in by the array's indentation.
            for (number, line) in String(decoding: try encoder.encode(result), as: UTF8.self)
                .split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            {
                if number > 0 { text += "\n" }
                // An empty array's blank line stays blank, as the whole report's encoding writes it.
                if !line.isEmpty { text += "    " + line }
            }
            try emit(text)
        }
        try emit("\n  ]" + frame[close.upperBound...] + "\n")
    }
}

/// Text made safe for XML and HTML (both content and attribute values).
enum Escape {
    static func markup(_ text: String) -> String { MarkupEscaping.escape(text) }
}

enum JUnitReport {
    static func render(_ report: RunReport) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let failures = report.count(.failed) + report.count(.missingGolden)
        xml +=
            "<testsuites name=\"neptune-conformance\" tests=\"\(report.results.count)\" failures=\"\(failures)\" errors=\"\(report.count(.errored))\" skipped=\"\(report.count(.skipped))\" time=\"\(String(format: "%.3f", report.durationSeconds))\">\n"
        for (operation, counts) in report.byOperation {
            let cases = report.results.filter { $0.operation == operation }
            let failed = (counts[.failed] ?? 0) + (counts[.missingGolden] ?? 0)
            xml +=
                "  <testsuite name=\"\(Escape.markup(operation))\" tests=\"\(cases.count)\" failures=\"\(failed)\" errors=\"\(counts[.errored] ?? 0)\" skipped=\"\(counts[.skipped] ?? 0)\">\n"
            for result in cases {
                let time = String(format: "%.3f", result.durationMilliseconds / 1000)
                xml +=
                    "    <testcase classname=\"\(Escape.markup(operation)).\(result.kind?.rawValue ?? "")\" name=\"\(Escape.markup(result.id))\" time=\"\(time)\">"
                let detail = Escape.markup(detailText(result))
                switch result.verdict {
                case .passed: break
                case .failed, .missingGolden:
                    xml +=
                        "\n      <failure message=\"\(Escape.markup(result.reason ?? "non-conformance"))\" type=\"\(result.verdict.rawValue)\">\(detail)</failure>\n    "
                case .errored:
                    xml +=
                        "\n      <error message=\"\(Escape.markup(result.reason ?? "error"))\" type=\"errored\">\(detail)</error>\n    "
                case .skipped:
                    xml += "\n      <skipped message=\"\(Escape.markup(result.reason ?? ""))\"/>\n    "
                }
                xml += "</testcase>\n"
            }
            xml += "  </testsuite>\n"
        }
        xml += "</testsuites>\n"
        return xml
    }

    static func detailText(_ result: CaseResult) -> String {
        var lines = ["expected: \(result.expected)"]
        if let body = result.requestBody { lines.append("request: \(body)") }
        if let status = result.actualStatus { lines.append("answered HTTP \(status)") }
        lines += result.findings.map(\.description)
        return lines.joined(separator: "\n")
    }
}

/// `badge.json`: the score as a shields.io endpoint badge.
enum BadgeReport {
    static func render(_ report: RunReport) throws -> String {
        let score = report.score ?? ConformanceScore(coverage: report.coverage ?? [], results: report.results)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(score.badge), as: UTF8.self) + "\n"
    }
}
