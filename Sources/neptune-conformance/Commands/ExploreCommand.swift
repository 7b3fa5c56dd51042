import ArgumentParser
import ConformanceRunner
import ConformanceSpec
import ConformanceTargets
import Exploration
import Foundation

struct ExploreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explore",
        abstract: "Random sequences judged against the reference.",
        discussion: """
            From a seed, draws sequences of operations over the resource kinds of
            Specs/resources.yaml (creates, describes, changes, actions, deletes, tagging),
            mostly valid in the current state, some breaking one precondition, some in a
            second region. Each step goes to the target and to the embedded reference
            server; their answers (request ids, timestamps and made-up identifiers
            normalised) are compared: status, error code and type, and the members. A new
            difference is shrunk to a minimal sequence, written as a replay file in the
            Specs/scenarios.yaml format. Every sequence deletes what it made; a final sweep
            reports anything of the run left on the target. Ctrl-C ends the run cleanly.
            The same seed and options give the same sequences.

            Writes explore.json, and the same as explore-junit.xml, explore.html and
            explore.md (and explore-N.yaml replays) to --report-dir. Exit status:
            0 no difference, 1 differences found, 2 the run could not be done.

            Examples:
              neptune-conformance explore --steps 200
              neptune-conformance explore --endpoint embedded:forget-tags --steps 200
              neptune-conformance explore --endpoint http://127.0.0.1:5000 --time 2m
              neptune-conformance explore --endpoint embedded:forget-tags \\
                  --replay reports/explore-1.yaml
            """)

    @OptionGroup var specOptions: SpecOptions

    @Option(
        help: ArgumentHelp(
            "The target: a URL such as http://127.0.0.1:5000, embedded (the default), or embedded:FAULT,… .",
            valueName: "target"),
        transform: Target.argument)
    var endpoint: Target = .embedded

    @Option(help: "The seed the sequences are drawn from.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Steps to explore in all (clean-up not counted).", valueName: "n"))
    var steps: Int?

    @Option(
        help: ArgumentHelp(
            "How long to explore: 90s, 2m, or seconds (default: 1000 steps when neither this nor --steps is given).",
            valueName: "duration"))
    var time: String?

    @Option(help: ArgumentHelp("Steps in one sequence before it is cleaned up.", valueName: "n"))
    var sequenceLength = 20

    @Option(help: ArgumentHelp("Stop after this many distinct differences.", valueName: "n"))
    var maxDifferences = 50

    @Option(
        help: ArgumentHelp(
            "Replay a file explore wrote (or any file in the Specs/scenarios.yaml format) instead of exploring.",
            valueName: "file"))
    var replay: String?

    @Option(help: ArgumentHelp("Where explore.json and the replay files go.", valueName: "dir"))
    var reportDir = "reports"

    @OptionGroup(title: "Connection") var connection: ConnectionOptions

    func validate() throws {
        if let time, Self.duration(time) == nil {
            throw ValidationError("--time takes a duration such as 60s, 2m or 90, not '\(time)'")
        }
        if let steps, steps < 1 { throw ValidationError("--steps must be at least 1") }
        guard (1...200).contains(sequenceLength) else { throw ValidationError("--sequence-length must be 1...200") }
        do { try connection.settings.check(endpoint) } catch { throw ValidationError(error.description) }
    }

    /// `60s`, `2m`, `90` (seconds).
    static func duration(_ text: String) -> Duration? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let scale: Double = trimmed.hasSuffix("m") ? 60 : 1
        let number = trimmed.hasSuffix("m") || trimmed.hasSuffix("s") ? String(trimmed.dropLast()) : trimmed
        guard let value = Double(number), value > 0 else { return nil }
        return .milliseconds(Int(value * scale * 1000))
    }

    func run() async throws {
        let spec = try specOptions.load()
        let settings = connection.settings
        var endpoints: ExploreEndpoints
        do {
            endpoints = try ExploreEndpoints(spec: spec, target: endpoint, settings: settings)
        } catch {
            Console.error("error: \(error.description)")
            throw ExitCode(2)
        }
        await endpoints.discoverAccounts(given: settings.account)
        let options = ExploreOptions(
            seed: seed, steps: steps ?? (time == nil ? 1000 : nil), time: time.flatMap(Self.duration),
            sequenceLength: sequenceLength, maxDifferences: maxDifferences)
        let explorer = Explorer(spec: spec, options: options, endpoints: endpoints, replayDirectory: reportDir)
        if let replay {
            try await runReplay(replay, explorer: explorer, spec: spec)
            await endpoints.shutdown()
            return
        }
        let stop = ExploreStop()
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler {
            if stop.isStopped { Foundation.exit(130) }
            Console.error("\ninterrupted: cleaning up, then writing the report (Ctrl-C again to quit at once)")
            stop.stop()
        }
        source.resume()
        Console.error("Exploring \(endpoint) from seed \(seed)")
        let report = await explorer.run(stop: stop) { Console.error($0) }
        source.cancel()
        signal(SIGINT, SIG_DFL)
        await endpoints.shutdown()
        print(ExploreSummary.text(report))
        do {
            let path = try ExploreSummary.write(report, to: reportDir)
            let others = try ExploreSummary.writeFormats(report, apiVersion: spec.apiVersion, to: reportDir)
            print("Reports: \(([path] + others).joined(separator: ", "))")
        } catch {
            Console.error("error: cannot write the report: \(error)")
            throw ExitCode(2)
        }
        throw ExitCode(report.exitCode)
    }

    private func runReplay(_ file: String, explorer: Explorer, spec: ServiceSpec) async throws {
        let text: String
        do { text = try String(contentsOfFile: file, encoding: .utf8) } catch {
            Console.error("error: cannot read \(file): \(error.localizedDescription)")
            throw ExitCode(2)
        }
        let scenarios: [Scenario]
        do { scenarios = try ScenarioFile.read(text, file: file, spec: spec) } catch {
            Console.error("error: \(error.description)")
            throw ExitCode(2)
        }
        var differs = false
        for scenario in scenarios {
            print("\(scenario.name): \(scenario.summary)")
            let records = await explorer.replay(scenario: scenario)
            for (index, record) in records.enumerated() {
                let mark = record.differs ? "DIFFERS" : "agrees"
                print("  \(index + 1). \(record.step.operation) \(record.step.names.joined(separator: " ")): \(mark)")
                for finding in record.findings where !finding.warning {
                    print(finding.description.split(separator: "\n").map { "       " + $0 }.joined(separator: "\n"))
                }
            }
            if records.last?.differs == true { differs = true }
            print("  The same requests with curl (ENDPOINT: the target's URL; serve prints the embedded server's):")
            for line in explorer.curlLines(for: records) { print("    " + line) }
        }
        throw ExitCode(differs ? 1 : 0)
    }
}
