import ArgumentParser
import ComplianceReport
import ConformanceRunner
import ConformanceSpec
import Foundation

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Render the reports from report.json again, or merge shards' reports.",
        discussion: """
            With one report.json it writes the other formats again. With several (the
            report.json of each `run --shard i/n` job) it merges them into one set of
            reports, with findings, score and coverage computed over all the cases;
            overlapping or missing shards are an error that names them (exit 2).

            Examples:
              neptune-conformance report reports/report.json --report-dir out
              neptune-conformance report reports/report.json --format html
              neptune-conformance report shard1/report.json shard2/report.json \\
                  --report-dir merged
            """)

    @OptionGroup var specOptions: SpecOptions

    @Argument(help: ArgumentHelp("The JSON report of a run, or of each shard.", valueName: "report.json"))
    var json: [String]

    @Option(help: ArgumentHelp("Where the reports go (default: the JSON's directory).", valueName: "dir"))
    var reportDir: String?

    @Option(help: "Only these formats (repeatable): junit, html, markdown, json.")
    var format: [ReportFormat] = []

    func validate() throws {
        if json.isEmpty { throw ValidationError("give the report.json of a run (or of each shard to merge)") }
    }

    func run() async throws {
        var report: RunReport
        do {
            let sources = try json.map { (path: $0, report: try ReportWriter.read(json: $0)) }
            report =
                sources.count == 1 ? sources[0].report : try ReportMerger.merge(sources, spec: try specOptions.load())
        } catch let error as ExitCode {
            throw error
        } catch {
            Console.error("error: \(error)")
            throw ExitCode(2)
        }
        let merging = json.count > 1
        let directory = reportDir ?? (merging ? "reports" : (json[0] as NSString).deletingLastPathComponent)
        let formats = format.isEmpty ? ReportFormat.allCases.filter { merging || $0 != .json } : format
        do {
            let paths = try ReportWriter.write(report, to: directory.isEmpty ? "." : directory, formats: formats)
            if merging { print(SummaryTable.render(report)) }
            print("Wrote " + paths.joined(separator: ", "))
        } catch {
            Console.error("error: \(error)")
            throw ExitCode(2)
        }
    }
}

extension ReportFormat: ExpressibleByArgument {}
