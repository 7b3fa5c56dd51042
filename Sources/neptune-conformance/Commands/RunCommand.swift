import ArgumentParser
import ComplianceReport
import ConformanceRunner
import ConformanceSpec
import ConformanceTargets
import Foundation
import Transport
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
              neptune-conformance run --endpoint embedded:wrong-namespace
              neptune-conformance run --endpoint https://rds.us-east-1.amazonaws.com \\
                  --allow-real-endpoint --profile test
              neptune-conformance run --plan --concurrency 2

            --plan prints what the selected cases would create (resources by kind,
            instances by class and instance-hours, a rough duration) and sends nothing.
            Against a remote endpoint the plan is printed before the run starts.
            """)

    @OptionGroup var specOptions: SpecOptions
    @OptionGroup(title: "Target") var target: TargetOptions
    @OptionGroup(title: "Selection") var selection: SelectionOptions
    @OptionGroup(title: "Output") var output: OutputOptions

    @Flag(help: "Print what the selected cases would create, for how long, and send nothing.")
    var plan = false

    func run() async throws {
        let spec = try specOptions.load()
        let cases = try selection.select(from: spec)
        let known = try output.loadBaseline()
        let destination = target.target
        let settings = target.settings
        if plan || !destination.isLoopback {
            let lines = RunPlan(spec: spec, cases: cases, concurrency: settings.concurrency).lines
            for line in lines { print(line) }
            if plan { return }
        }
        try CommandTargetRunner.checkCredentials(destination, settings: settings)
        let mode = output.mode(for: destination)
        var options = ConformanceRun.Options(
            concurrency: settings.concurrency, mode: mode, stateTimeout: settings.stateWait,
            transport: settings.transport, seed: selection.seed)
        options.forceSignatureChecks = settings.signatureChecks
        options.minimumEvidence = output.evidence
        if output.evidence > .inferred {
            options.notes.append(
                "judged only expectations at least \(output.evidence.rawValue) (--evidence); departures from weaker ones are warnings"
            )
        }
        let runOptions = options
        let printer = ProgressPrinter(quiet: output.quiet)
        let destinationText =
            destination.isEmbedded
            ? "the embedded reference server" + (destination == .embedded ? "" : " (\(destination))")
            : destination.description
        printer.line(
            "Running \(cases.count) cases against \(destinationText) (\(settings.concurrency) at a time, \(mode.rawValue) comparison\(output.mode == nil && mode == .lenient ? ", the default for a remote endpoint: its answers carry RDS-only members; --strict makes them errors" : ""))"
        )
        let outcome = try await Interruptible.run {
            try await CommandTargetRunner.run(
                destination, settings: settings, spec: spec, cases: cases,
                goldens: GoldenLocation.directory(output.goldenDir), options: runOptions,
                progress: printer.progress)
        }
        var report = outcome.value.report
        if outcome.interrupted {
            report.notes.append("the run was interrupted (Ctrl-C); cases not run are marked skipped")
        }
        report.shard = selection.shard
        report.suiteSize = selection.suiteSize(spec: spec)
        if let file = output.baseline {
            if output.updateBaseline {
                let recorded = Baseline(results: report.results, apiVersion: report.apiVersion)
                do { try recorded.write(to: file) } catch {
                    Console.error("error: \(error.description)")
                    throw ExitCode(2)
                }
                // Judged against what was there before, so the report says what the update fixed; the new file knows every departure.
                var outcome = (known ?? recorded).judge(report.results, file: file)
                outcome.known += outcome.new
                outcome.new = []
                outcome.changed = [:]
                report.baseline = outcome
                printer.line("Baseline \(file): wrote \(recorded.entries.count) departures")
            } else if let known {
                report.baseline = known.judge(report.results, file: file)
            }
        }
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

    @Option(
        help: ArgumentHelp(
            "The golden files (default: the Golden/ of the package the tool was built from).", valueName: "dir"))
    var goldenDir: String?

    @Flag(
        help: """
            strict: elements the golden or spec does not know are errors; lenient: they are warnings. Default: strict \
            against the embedded server and loopback endpoints (mocks), lenient against a remote endpoint (the real \
            service answers with RDS-only members such as BacktrackWindow or EngineMode).
            """)
    var mode: ComparisonMode?

    /// The comparison mode: the one asked for, else strict for mocks and lenient for the real service.
    func mode(for target: Target) -> ComparisonMode {
        if let mode { return mode }
        return target.isLoopback ? .strict : .lenient
    }

    @Flag(help: "No progress output.")
    var quiet = false

    @Option(
        help: ArgumentHelp(
            "Judge only expectations at least this strong: documented, observed or inferred (all).",
            discussion: """
                Every expectation says where it comes from: documented (botocore's model, the API reference or \
                the user guide, named), observed (an answer AWS sent, under Facts/real-aws) or inferred (no \
                public source; the suite's guess, marked in Specs/). Departures from weaker expectations are \
                reported as warnings and do not fail the run. Ordered inferred < observed < documented.
                """,
            valueName: "level"))
    var evidence: Evidence.Level = .inferred

    @Option(
        help: ArgumentHelp(
            "Judge against the known departures in this file: exit 0 when every departure is in it, 1 on any new one.",
            discussion:
                "Departures the file lists that now pass are reported as fixed. Record the file with --update-baseline.",
            valueName: "file"))
    var baseline: String?

    @Flag(help: "With --baseline: write this run's departures to the file (sorted, one case a line) and exit 0.")
    var updateBaseline = false

    func validate() throws {
        if updateBaseline && baseline == nil {
            throw ValidationError("--update-baseline needs --baseline FILE: the file to write")
        }
    }

    /// The baseline to judge against: nil without --baseline; with --update-baseline, the old file if it reads.
    func loadBaseline() throws -> Baseline? {
        guard let baseline else { return nil }
        do {
            return try Baseline.read(baseline)
        } catch {
            if updateBaseline { return nil }
            Console.error("error: \(error.description)")
            throw ExitCode(2)
        }
    }
}

/// The per-operation table printed at the end of a run.
enum SummaryTable {
    static func render(_ report: RunReport) -> String {
        let headers = ["operation", "passed", "failed", "errored", "no golden", "skipped"]
        var rows = report.byOperation.map { operation, counts in
            [operation] + [Verdict.passed, .failed, .errored, .missingGolden, .skipped].map { String(counts[$0] ?? 0) }
        }
        rows.append(
            ["total"] + [Verdict.passed, .failed, .errored, .missingGolden, .skipped].map { String(report.count($0)) })
        let widths = headers.indices.map { column in
            max(headers[column].count, rows.map { $0[column].count }.max() ?? 0)
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == 0
                    ? cell.padding(toLength: widths[0], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[index] - cell.count) + cell
            }.joined(separator: "  ")
        }
        var text =
            line(headers) + "\n" + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        text += rows.dropLast().map(line).joined(separator: "\n") + "\n" + line(rows.last!) + "\n"
        let problems = report.results.filter {
            $0.verdict == .failed || $0.verdict == .errored || $0.verdict == .missingGolden
        }
        if let baseline = report.baseline {
            text +=
                "\nBaseline \(baseline.file): \(baseline.new.count) new, \(baseline.known.count) known, \(baseline.fixed.count) fixed"
            for id in baseline.new.prefix(25) {
                text += "\nNEW \(id)" + (baseline.changed[id].map { " (\($0))" } ?? "")
            }
            if baseline.new.count > 25 { text += "\n... and \(baseline.new.count - 25) more new in the reports" }
            for id in baseline.fixed.prefix(10) { text += "\nFIXED \(id)" }
            if baseline.fixed.count > 10 { text += "\n... and \(baseline.fixed.count - 10) more fixed" }
        }
        let findings = report.findings ?? []
        if !findings.isEmpty {
            text +=
                "\n\(findings.count) finding\(findings.count == 1 ? "" : "s") (root causes of \(problems.count) cases), operations not implemented first, then most cases first:"
            // Findings that name an unimplemented operation come first, whatever their size: pad to the largest.
            let width = String(findings.map(\.cases.count).max() ?? 0).count
            for finding in findings {
                let count = String(finding.cases.count)
                text +=
                    "\n  " + String(repeating: " ", count: max(0, width - count.count)) + count
                    + "  \(finding.title)  [\(finding.id)\(finding.evidence.map { "; \($0.level.rawValue)" } ?? "")]"
            }
            var counts: [Evidence.Level: Int] = [:]
            for finding in findings { if let level = finding.evidence?.level { counts[level, default: 0] += 1 } }
            if !counts.isEmpty {
                text +=
                    "\nFindings by evidence: "
                    + Evidence.Level.allCases.reversed().map { "\($0.rawValue) \(counts[$0] ?? 0)" }.joined(
                        separator: ", ")
            }
        }
        let masked = report.maskedFindings ?? []
        if !masked.isEmpty {
            text += "\nBehind those, departures no finding above shows (each in cases listed under another):"
            let unknown = masked.filter { $0.kind == .unknownElement }
            for finding in masked.filter({ $0.kind != .unknownElement }).prefix(10) {
                text +=
                    "\n  also: \(finding.title), in \(finding.cases.count) case\(finding.cases.count == 1 ? "" : "s")  [\(finding.id)]"
            }
            if !unknown.isEmpty {
                let names = unknown.prefix(6).map { "<\($0.item)>" }.joined(separator: ", ")
                text +=
                    "\n  also: \(unknown.count) more elements the contract does not know (\(names)\(unknown.count > 6 ? ", …" : ""))"
            }
            text += "\n  (all of them in report.json, maskedFindings)"
        }
        if problems.count <= 25 {
            for result in problems {
                text += "\n\(result.verdict.rawValue.uppercased()) \(result.id)\n    \(result.reason ?? "")"
            }
        } else {
            text += "\nEvery case with its departures: report.html, summary.md, report.json"
        }
        if let score = report.score {
            text +=
                "\nScore: \(score.items.percent)% of spec items honoured (\(score.items.good) of \(score.items.total)), \(score.cases.percent)% of cases passed (\(score.cases.good) of \(score.cases.total))"
            if let levels = score.byEvidence {
                text +=
                    "\nCases passed by evidence: "
                    + Evidence.Level.allCases.reversed().compactMap { level in
                        levels[level.rawValue].map { "\(level.rawValue) \($0.good) of \($0.total)" }
                    }.joined(separator: ", ")
            }
        }
        if !report.leftovers.isEmpty { text += "\nNOT DELETED: " + report.leftovers.joined(separator: ", ") }
        if let retries = report.retries {
            let counts = Dictionary(
                uniqueKeysWithValues: retries.compactMap { key, value in
                    RetryReason(rawValue: key).map { ($0, value) }
                })
            let cases = report.results.filter { ($0.retries ?? 0) > 0 }.count
            text += "\nRetried \(RetryTally.summary(counts)), in \(cases) case\(cases == 1 ? "" : "s")"
        }
        text +=
            "\n\(report.results.count) cases in \(String(format: "%.2f", report.durationSeconds)) s against \(report.endpoint)"
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
            if result.verdict == .failed || result.verdict == .errored || result.verdict == .missingGolden {
                failed += 1
            }
            let percent = done * 100 / max(total, 1)
            if terminal {
                FileHandle.standardError.write(
                    Data(
                        "\r[\(done)/\(total)] \(percent)%  not passing: \(failed)  \(result.id.prefix(70))\u{1B}[K".utf8
                    ))
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
    static func run<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) async throws -> (
        value: T, interrupted: Bool
    ) {
        let task = Task { try await work() }
        let flag = InterruptFlag()
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler {
            if flag.set() {
                Console.error(
                    "\ninterrupted: finishing the cases in flight, then deleting what the run created (Ctrl-C again to quit at once)"
                )
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

extension Evidence.Level: ExpressibleByArgument {}
