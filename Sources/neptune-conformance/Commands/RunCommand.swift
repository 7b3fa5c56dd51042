import ArgumentParser
import ComplianceReport
import ConformanceRunner
import ConformanceSpec
import Foundation
import XMLCompare

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the conformance suite and write the compliance reports.",
        discussion: """
            With no arguments it starts the embedded reference server on a free loopback
            port, runs every generated case, prints a summary per operation and writes
            report.json, junit.xml, report.html and summary.md to --report-dir.

            Exit status: 0 every case conforms, 1 non-conformance found (or a case without
            golden, or a resource that could not be deleted), 2 the run could not be done.

            Examples:
              neptune-conformance run
              moto_server -p 5000 &
              neptune-conformance run --endpoint http://127.0.0.1:5000
              neptune-conformance run --operation CreateDBCluster --kind invalid \\
                  --concurrency 16
              neptune-conformance run --endpoint https://rds.us-east-1.amazonaws.com \\
                  --allow-real-endpoint --profile test
            """)

    @OptionGroup var specOptions: SpecOptions
    @OptionGroup(title: "Target") var target: TargetOptions
    @OptionGroup(title: "Selection") var selection: SelectionOptions
    @OptionGroup(title: "Output") var output: OutputOptions

    func run() async throws {
        let spec = try specOptions.load()
        let cases = try selection.select(from: spec)
        let mode = output.mode(for: target.endpoint)
        var options = ConformanceRun.Options(
            concurrency: target.concurrency, mode: mode, stateTimeout: .milliseconds(Int(target.stateTimeout * 1000)),
            transport: target.transport, seed: selection.seed)
        options.forceSignatureChecks = target.signatureChecks
        let runOptions = options
        let printer = ProgressPrinter(quiet: output.quiet)
        let where_ = target.endpoint ?? "the embedded reference server"
        printer.line("Running \(cases.count) cases against \(where_) (\(target.concurrency) at a time, \(mode.rawValue) comparison\(output.mode == nil && mode == .lenient ? ", the default for a remote endpoint: its answers carry RDS-only members; --strict makes them errors" : ""))")
        let outcome = try await Interruptible.run {
            try await TargetRunner.run(
                spec: spec, target: target, cases: cases, goldens: GoldenLocation.directory(output.goldenDir), options: runOptions,
                progress: printer.progress)
        }
        var report = outcome.value.report
        if outcome.interrupted { report.notes.append("the run was interrupted (Ctrl-C); cases not run are marked skipped") }
        printer.finish()
        print(SummaryTable.render(report))
        do {
            let paths = try ReportWriter.write(report, to: output.reportDir)
            print("Reports: " + paths.joined(separator: ", "))
        } catch {
            Console.error("error: \(error)")
            throw ExitCode(2)
        }
        if outcome.interrupted { throw ExitCode(2) }
        throw ExitCode(report.exitCode)
    }
}

/// Report location, comparison mode and progress.
struct OutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Where the reports go.", valueName: "dir"))
    var reportDir = "reports"

    @Option(help: ArgumentHelp("The golden files (default: the Golden/ of the package the tool was built from).", valueName: "dir"))
    var goldenDir: String?

    @Flag(help: """
        strict: elements the golden or spec does not know are errors; lenient: they are warnings. Default: strict \
        against the embedded server and loopback endpoints (mocks), lenient against a remote endpoint (the real \
        service answers with RDS-only members such as BacktrackWindow or EngineMode).
        """)
    var mode: ComparisonMode?

    /// The comparison mode: the one asked for, else strict for mocks and lenient for the real service.
    func mode(for endpoint: String?) -> ComparisonMode {
        if let mode { return mode }
        guard let endpoint else { return .strict }
        return Endpoint(url: endpoint).isLoopback ? .strict : .lenient
    }

    @Flag(help: "No progress output.")
    var quiet = false
}


/// The per-operation table printed at the end of a run.
enum SummaryTable {
    static func render(_ report: RunReport) -> String {
        let headers = ["operation", "passed", "failed", "errored", "no golden", "skipped"]
        var rows = report.byOperation.map { operation, counts in
            [operation] + [Verdict.passed, .failed, .errored, .missingGolden, .skipped].map { String(counts[$0] ?? 0) }
        }
        rows.append(["total"] + [Verdict.passed, .failed, .errored, .missingGolden, .skipped].map { String(report.count($0)) })
        let widths = headers.indices.map { column in max(headers[column].count, rows.map { $0[column].count }.max() ?? 0) }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == 0 ? cell.padding(toLength: widths[0], withPad: " ", startingAt: 0) : String(repeating: " ", count: widths[index] - cell.count) + cell
            }.joined(separator: "  ")
        }
        var text = line(headers) + "\n" + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        text += rows.dropLast().map(line).joined(separator: "\n") + "\n" + line(rows.last!) + "\n"
        let problems = report.results.filter { $0.verdict == .failed || $0.verdict == .errored || $0.verdict == .missingGolden }
        for result in problems.prefix(25) { text += "\n\(result.verdict.rawValue.uppercased()) \(result.id)\n    \(result.reason ?? "")" }
        if problems.count > 25 { text += "\n... and \(problems.count - 25) more in the reports" }
        if !report.leftovers.isEmpty { text += "\nNOT DELETED: " + report.leftovers.joined(separator: ", ") }
        text += "\n\(report.results.count) cases in \(String(format: "%.2f", report.durationSeconds)) s against \(report.endpoint)"
        return text
    }
}

/// Progress on standard error: a rewritten line on a terminal, a line per 10% otherwise.
final class ProgressPrinter: @unchecked Sendable {
    let quiet: Bool
    let terminal = isatty(2) == 1
    let lock = NSLock()
    var failed = 0
    var lastDecile = 0

    init(quiet: Bool) { self.quiet = quiet }

    func line(_ text: String) {
        guard !quiet else { return }
        Console.error(text)
    }

    var progress: ConformanceRun.Progress {
        { [self] done, total, result in
            guard !quiet else { return }
            lock.lock()
            defer { lock.unlock() }
            if result.verdict == .failed || result.verdict == .errored || result.verdict == .missingGolden { failed += 1 }
            let percent = done * 100 / max(total, 1)
            if terminal {
                FileHandle.standardError.write(Data("\r[\(done)/\(total)] \(percent)%  not passing: \(failed)  \(result.id.prefix(70))\u{1B}[K".utf8))
            } else if percent / 10 > lastDecile || done == total {
                lastDecile = percent / 10
                Console.error("[\(done)/\(total)] \(percent)%  not passing so far: \(failed)")
            }
        }
    }

    func finish() {
        if terminal && !quiet { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

/// Runs work that Ctrl-C cancels (instead of killing the process), so tear-down and the sweep still run.
enum Interruptible {
    static func run<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) async throws -> (value: T, interrupted: Bool) {
        let task = Task { try await work() }
        let flag = InterruptFlag()
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler {
            if flag.set() {
                Console.error("\ninterrupted: finishing the cases in flight, then deleting what the run created (Ctrl-C again to quit at once)")
                task.cancel()
            } else {
                exit(130)
            }
        }
        source.resume()
        defer {
            source.cancel()
            signal(SIGINT, SIG_DFL)
        }
        let value = try await task.value
        return (value, flag.isSet)
    }
}

final class InterruptFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    /// Sets the flag; true when it was not set before.
    func set() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        defer { value = true }
        return !value
    }

    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
