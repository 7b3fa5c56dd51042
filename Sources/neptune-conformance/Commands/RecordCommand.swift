import ArgumentParser
import CaseGenerator
import ConformanceRunner
import ConformanceSpec
import ConformanceTargets
import Foundation

struct RecordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record goldens from an endpoint, and print the diff for review.",
        discussion: """
            Each success answer becomes Golden/<case id>.xml: the request's values as
            {{input:…}}, set-up values and documented defaults literal, every other leaf
            as the placeholder of its type. Review the printed diff (or `git diff
            Golden/`) before committing.

            Examples:
              neptune-conformance record     # from the embedded reference server
              neptune-conformance record --operation ModifyDBCluster --dry-run
            """)

    @OptionGroup var specOptions: SpecOptions
    @OptionGroup(title: "Target") var target: TargetOptions
    @OptionGroup(title: "Selection") var selection: SelectionOptions

    @Option(
        help: ArgumentHelp(
            "Where the goldens go (default: the Golden/ of the package the tool was built from).", valueName: "dir"))
    var goldenDir: String?

    @Flag(help: "Print the diff but write nothing.")
    var dryRun = false

    func run() async throws {
        let spec = try specOptions.load()
        let cases = try selection.select(from: spec).filter {
            if case .success = $0.expectation { true } else { false }
        }
        guard !cases.isEmpty else {
            throw Console.usage("the selection has no success case; only success answers have goldens")
        }
        let directory = GoldenLocation.directory(goldenDir)
        let settings = target.settings
        let options = ConformanceRun.Options(
            concurrency: settings.concurrency, stateTimeout: settings.stateWait, transport: settings.transport,
            recordGoldens: true, seed: selection.seed)
        let outcome = try await CommandTargetRunner.run(
            target.target, settings: settings, spec: spec, cases: cases, goldens: directory, options: options,
            progress: nil)
        var created = 0
        var changed = 0
        var unchanged = 0
        for recording in outcome.recordings.sorted(by: { $0.path < $1.path }) {
            let old = (try? String(contentsOfFile: recording.path, encoding: .utf8))
            if let old, GoldenProvenance.stripped(old) == GoldenProvenance.stripped(recording.golden),
                GoldenProvenance.read(from: old) != nil
            {
                unchanged += 1
                continue
            }
            let relative = recording.path.replacingOccurrences(of: directory + "/", with: "Golden/")
            if let old {
                changed += 1
                print("--- \(relative)\n+++ \(relative) (recorded)")
                print(LineDiff.render(old: old, new: recording.golden))
            } else {
                created += 1
                print("+++ \(relative) (new)")
            }
            guard !dryRun else { continue }
            let folder = (recording.path as NSString).deletingLastPathComponent
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(recording.golden.utf8).write(to: URL(fileURLWithPath: recording.path), options: .atomic)
        }
        let failures = outcome.report.results.filter { $0.verdict == .errored }
        for failure in failures { Console.error("not recorded: \(failure.id): \(failure.reason ?? "")") }
        print(
            "\(created) new, \(changed) changed, \(unchanged) unchanged\(dryRun ? " (dry run: nothing written)" : "") in \(directory)"
        )
        if !failures.isEmpty { throw ExitCode(1) }
    }
}

/// A line diff (`-` removed, `+` added) for reviewing golden changes.
enum LineDiff {
    static func render(old: String, new: String) -> String {
        let before = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let after = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var lines: [String] = []
        for change in after.difference(from: before) {
            switch change {
            case .remove(let offset, let line, _): lines.append("-\(offset + 1): \(line)")
            case .insert(let offset, let line, _): lines.append("+\(offset + 1): \(line)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
