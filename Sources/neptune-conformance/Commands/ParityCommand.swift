import ArgumentParser
import CaseGenerator
import ComplianceReport
import ConformanceRunner
import ConformanceSpec
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

    @Option(help: ArgumentHelp("A target: a URL, embedded, or embedded:FAULT,... (give it twice).", valueName: "target"))
    var endpoint: [String] = []

    @Flag(help: "Allow non-loopback URLs (the run creates real clusters there, and deletes them).")
    var allowRealEndpoint = false

    @Option(help: ArgumentHelp("Where the parity reports go.", valueName: "dir"))
    var reportDir = "reports"

    @Option(help: "Cases run at the same time on each target.")
    var concurrency = 8

    func validate() throws {
        guard endpoint.count == 2 else { throw ValidationError("give exactly two targets: --endpoint A --endpoint B (a URL, embedded, or embedded:FAULT,...)") }
        for target in endpoint {
            if target == "embedded" { continue }
            if target.hasPrefix("embedded:") {
                for name in target.dropFirst("embedded:".count).split(separator: ",") where Fault(rawValue: String(name)) == nil {
                    throw ValidationError("unknown fault '\(name)'; `neptune-conformance serve --help` lists them")
                }
                continue
            }
            guard let url = URL(string: target), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
                throw ValidationError("'\(target)' is neither a URL such as http://127.0.0.1:5000 nor embedded[:FAULT,...]")
            }
            if !Endpoint(url: target).isLoopback && !allowRealEndpoint { throw ValidationError("\(target) is not a loopback address; add --allow-real-endpoint") }
        }
    }

    func run() async throws {
        let spec = try specOptions.load()
        let cases = try selection.select(from: spec)
        var options = ConformanceRun.Options(concurrency: concurrency, seed: selection.seed)
        options.keepAnswers = true
        let goldens = GoldenLocation.directory(nil)
        let started = ISO8601DateFormatter().string(from: Date())
        Console.error("Running \(cases.count) cases against \(endpoint[0]) and \(endpoint[1])")
        async let first = Self.run(target: endpoint[0], spec: spec, cases: cases, goldens: goldens, options: options)
        async let second = Self.run(target: endpoint[1], spec: spec, cases: cases, goldens: goldens, options: options)
        let report = ParityReport(spec: spec, cases: cases, first: try await first, second: try await second, startedAt: started)
        print(ParityReportWriter.table(report))
        do {
            print("Reports: " + (try ParityReportWriter.write(report, to: reportDir)).joined(separator: ", "))
        } catch {
            Console.error("error: \(error)")
            throw ExitCode(2)
        }
        throw ExitCode(report.exitCode)
    }

    static func run(target: String, spec: ServiceSpec, cases: [TestCase], goldens: String, options: ConformanceRun.Options) async throws -> RunReport {
        if target == "embedded" || target.hasPrefix("embedded:") {
            let faults = Set(target.dropFirst("embedded".count).dropFirst().split(separator: ",").compactMap { Fault(rawValue: String($0)) })
            return try await ReferenceServer.withRunning(emulator: NeptuneEmulator(spec: spec, configuration: .init(faults: faults, verifySignatures: NeptuneEmulator.Configuration.localTestingKeys))) { url in
                await ConformanceRun(spec: spec, endpoint: Endpoint(url: url, label: target), goldenDirectory: goldens, options: options).run(cases).report
            }
        }
        var targetOptions = TargetOptions()
        targetOptions.endpoint = target
        let endpoint = try targetOptions.resolvedEndpoint(url: target)
        return await ConformanceRun(spec: spec, endpoint: endpoint, goldenDirectory: goldens, options: options).run(cases).report
    }
}
