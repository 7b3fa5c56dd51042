import ArgumentParser
import CaseGenerator
import ComplianceReport
import ConformanceRunner
import ConformanceSpec
import ConformanceTargets
import Foundation
import ReferenceServer

struct ParityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parity",
        abstract: "Send the same cases to two targets and show where they disagree.",
        discussion: """
            Each --endpoint is a URL, `embedded` (the reference server), or
            `embedded:FAULT,FAULT` (the reference server with faults). Two answers agree
            when they have the same verdict, HTTP status, error code and departures from
            the contract. Writes parity.json, parity.html and parity.md. Exit status: 0
            the targets agree on every case, 1 they disagree somewhere, 2 the run failed.

            Examples:
              neptune-conformance parity --endpoint embedded \\
                  --endpoint http://127.0.0.1:5000
              neptune-conformance parity --endpoint embedded \\
                  --endpoint embedded:accept-inverted-capacity
            """)

    @OptionGroup var specOptions: SpecOptions
    @OptionGroup(title: "Selection") var selection: SelectionOptions

    @Option(
        name: .customLong("endpoint"),
        help: ArgumentHelp("A target: a URL, embedded, or embedded:FAULT,… (give it twice).", valueName: "target"),
        transform: Target.argument)
    var targets: [Target] = []

    @OptionGroup(title: "Connection") var connection: ConnectionOptions

    @Option(help: ArgumentHelp("Where the parity reports go.", valueName: "dir"))
    var reportDir = "reports"

    func validate() throws {
        guard targets.count == 2 else {
            throw ValidationError(
                "give exactly two targets: --endpoint A --endpoint B (a URL, embedded, or embedded:FAULT,...)")
        }
        for target in targets {
            do { try connection.settings.check(target) } catch { throw ValidationError(error.description) }
        }
    }

    func run() async throws {
        let spec = try specOptions.load()
        let cases = try selection.select(from: spec)
        let settings = connection.settings
        for target in targets { try CommandTargetRunner.checkCredentials(target, settings: settings) }
        // Strict where both sides are mocks; a remote side answers with RDS-only members.
        var options = ConformanceRun.Options(
            concurrency: settings.concurrency, mode: targets.allSatisfy(\.isLoopback) ? .strict : .lenient,
            stateTimeout: settings.stateWait,
            transport: settings.transport, seed: selection.seed)
        options.keepAnswers = true
        options.forceSignatureChecks = settings.signatureChecks
        let frozen = options
        let goldens = GoldenLocation.directory(nil)
        let started = ISOTimestamp.format(Date(), fractionalSeconds: false)
        Console.error("Running \(cases.count) cases against \(targets[0]) and \(targets[1])")
        let (first, second) = (targets[0], targets[1])
        async let one = CommandTargetRunner.run(
            first, settings: settings, spec: spec, cases: cases, goldens: goldens, options: frozen, progress: nil)
        async let two = CommandTargetRunner.run(
            second, settings: settings, spec: spec, cases: cases, goldens: goldens, options: frozen, progress: nil)
        var a = try await one.report
        var b = try await two.report
        a.endpoint = first.description
        b.endpoint = second.description
        let report = ParityReport(spec: spec, cases: cases, first: a, second: b, startedAt: started)
        print(ParityReportWriter.table(report))
        do {
            print("Reports: " + (try ParityReportWriter.write(report, to: reportDir)).joined(separator: ", "))
        } catch {
            Console.error("error: \(error)")
            throw ExitCode(2)
        }
        throw ExitCode(report.exitCode)
    }
}
