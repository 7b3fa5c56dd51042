import ArgumentParser
import ComplianceReport
import ConformanceRunner
import Foundation

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Render the reports again from a run's report.json.",
        discussion: """
            Examples:
              neptune-conformance report reports/report.json --report-dir out
              neptune-conformance report reports/report.json --format html
            """)

    @Argument(help: ArgumentHelp("The JSON report of a run.", valueName: "report.json"))
    var json: String

    @Option(help: ArgumentHelp("Where the reports go (default: the JSON's directory).", valueName: "dir"))
    var reportDir: String?

    @Option(help: "Only these formats (repeatable): junit, html, markdown, json.")
    var format: [ReportFormat] = []

    func run() async throws {
        let report: RunReport
        do {
            report = try ReportWriter.read(json: json)
        } catch {
            Console.error("error: \(error)")
            throw ExitCode(2)
        }
        let directory = reportDir ?? (json as NSString).deletingLastPathComponent
        let formats = format.isEmpty ? ReportFormat.allCases.filter { $0 != .json } : format
        do {
            let paths = try ReportWriter.write(report, to: directory.isEmpty ? "." : directory, formats: formats)
            print("Wrote " + paths.joined(separator: ", "))
        } catch {
            Console.error("error: \(error)")
            throw ExitCode(2)
        }
    }
}

extension ReportFormat: ExpressibleByArgument {}
