import ConformanceRunner
import Foundation

/// What a README command must do, derived from what it says (its subcommand and targets) and the
/// exit statuses the README gives: 0 all conform, 1 non-conformance found, 2 the run could not be done.
enum ReadmeExpectation: Equatable {
    /// Exits with `status` and writes `files` (relative to the folder it runs in).
    case exits(Int32, files: [String])
    /// `serve`: announces its URL (with its faults), accepts connections, stops cleanly on SIGTERM.
    case serves(faults: [String])
    /// A background command that starts a server on `port` (the README's port).
    case startsServer(port: Int)
    /// The real-service example: without credentials here it exits 2 before sending anything.
    case refusedBeforeSending
    /// `swift test` is not run inside `swift test`; `.ci/run` runs it (checked elsewhere).
    case runByCI
    /// An inline syntax (`spec lint [--document FILE]`): the subcommand and each option must exist.
    case syntax
    /// A `run:` step of the README's GitHub Actions job: exits 0 (the job fails only on new departures).
    case ciStep
    /// `tar xzf` of a release archive: given one made by `Scripts/package-release.sh`, it unpacks the binary
    /// with `Specs/` beside it.
    case unpacksRelease

    init?(_ command: ReadmeCommand) {
        if command.ciStep {
            self = .ciStep
            return
        }
        if command.words.first == "tar" && command.text.contains("neptune-conformance-") {
            self = .unpacksRelease
            return
        }
        if command.text.hasSuffix("swift test") {
            self = .runByCI
            return
        }
        if command.background {
            guard let port = command.values(of: "-p").first.flatMap(Int.init) else { return nil }
            self = .startsServer(port: port)
            return
        }
        let placeholders = command.text.range(of: #"\b[A-Z]{2,}\b|\[|\|"#, options: .regularExpression) != nil
        // Inline spans run only when they stand alone (re-rendering the main command's report); the others are syntax.
        let standalone = command.subcommand == "report" && command.words.filter { $0.hasSuffix(".json") }.count == 1
        if command.inline && (placeholders || !standalone) {
            self = .syntax
            return
        }
        switch command.subcommand {
        case "serve":
            self = .serves(faults: command.values(of: "--fault"))
        case "run", "parity":
            let targets = command.endpoints.isEmpty ? ["embedded"] : command.endpoints
            if targets.contains(where: { $0.hasPrefix("http") && !Endpoint(url: $0).isLoopback }) {
                self = .refusedBeforeSending
                return
            }
            // Only `embedded` conforms; a fault or a mock (moto) is non-conformance, unless a baseline knows it.
            let baseline = command.values(of: "--baseline").first
            let status: Int32 = targets.allSatisfy { $0 == "embedded" } || baseline != nil ? 0 : 1
            let directory = command.values(of: "--report-dir").last ?? "reports"
            let names =
                command.subcommand == "run"
                ? ["report.json", "junit.xml", "report.html", "summary.md", "badge.json"]
                : ["parity.json", "parity.html", "parity.md"]
            self = .exits(
                status,
                files: names.map { "\(directory)/\($0)" }
                    + (command.words.contains("--update-baseline") ? [baseline!] : []))
        case "explore":
            // Against `embedded` nothing differs; a fault differs (and its replay still does).
            let targets = command.endpoints.isEmpty ? ["embedded"] : command.endpoints
            let directory = command.values(of: "--report-dir").last ?? "reports"
            self = .exits(
                targets.allSatisfy { $0 == "embedded" } ? 0 : 1,
                files: command.words.contains("--replay")
                    ? []
                    : ["explore.json", "explore-junit.xml", "explore.html", "explore.md"].map { "\(directory)/\($0)" })
        case "spec":
            // `spec lint --model auto`: the spec agrees with botocore's model (CI installs botocore).
            self = .exits(0, files: [])
        case "report":
            guard let input = command.words.last, input.hasSuffix(".json") else { return nil }
            let directory = (input as NSString).deletingLastPathComponent
            self = .exits(0, files: ["report.html", "junit.xml", "summary.md"].map { "\(directory)/\($0)" })
        default:
            return nil
        }
    }

    /// Commands that need moto: the background command that starts it, and those aimed at a loopback URL.
    static func needsMoto(_ command: ReadmeCommand) -> Bool {
        if command.background || command.ciStep { return true }
        return !command.loopbackPorts.isEmpty
    }

}
