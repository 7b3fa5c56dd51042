import ConformanceRunner
import ConformanceTestSupport
import Foundation
import Testing

/// Every command README.md shows works as written: each is run against real processes (the
/// embedded server, `serve`, moto on a free loopback port) and must exit with the status the README
/// implies (0 all conform, 1 non-conformance found, 2 the run could not be done) and write what it
/// says it writes. A README edit that breaks a command, or adds one this test cannot judge, fails here.
///
/// What is substituted, and only this: `swift run neptune-conformance` (and `neptune-conformance`
/// at the start of an inline command) is the binary `swift test` built (a nested `swift run` would
/// wait on this build's lock); `Scripts/` is the package's; each
/// port the README names is a free loopback port; the commands run in a fresh folder, without AWS
/// credentials; a command that runs the suite, but the first, runs its first twelfth (`--shard 1/12`, see
/// `ReadmeShell.sampled`: the whole suite runs in the other tests, against moto once, in MotoRunTests). `swift test` itself is not run inside `swift test`: `.ci/run` runs it.
@Suite struct ReadmeCommandsTests {
    static let readme =
        (try? String(contentsOf: BuiltCLI.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""
    static let commands = ReadmeCommand.parse(readme)

    @Test func theFirstLinesGiveTheTwoCommandsOfANewcomer() throws {
        let block = Self.commands.prefix(2).map(\.text)
        #expect(
            block.count == 2 && Self.commands.prefix(2).allSatisfy { $0.line < 10 },
            "the README's first block: \(block)")
        #expect(block.first == "bash Scripts/setup.sh && swift run neptune-conformance run")
        #expect(block.last == "bash Scripts/setup.sh --tests && swift test")
        let ci = try String(contentsOf: BuiltCLI.packageRoot.appendingPathComponent(".ci/run"), encoding: .utf8)
        let ciCommands = ci.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.hasPrefix("#") && !$0.hasPrefix("echo")
        }
        #expect(ciCommands.contains("bash Scripts/setup.sh --tests"), "CI must set up as the README says")
        #expect(ciCommands.contains { $0.hasPrefix("swift test") }, "CI must run the README's test command")
    }

    @Test func everyCommandHasAnExpectation() {
        #expect(Self.commands.count >= 15, "found only \(Self.commands.count) commands in README.md")
        for command in Self.commands {
            #expect(ReadmeExpectation(command) != nil, "no rule says what this README command must do: \(command)")
        }
    }

    /// The commands that need no moto, in README order, in one folder (so `report reports/report.json`
    /// reads what the main command wrote).
    @Test func theCommandsWithoutMotoWorkAsWritten() async throws {
        let shell = ReadmeShell()
        for command in Self.commands where !ReadmeExpectation.needsMoto(command) {
            try await shell.check(command)
        }
    }

    /// moto stands where the README points at a mock: the README's own command starts it on port 5000
    /// (a free port here), and moto also stands in for LocalStack on 4566.
    @Test(.enabled(if: ExternalTool.moto.runsHere, Comment(rawValue: ExternalTool.moto.skipReason)))
    func theCommandsAgainstMotoWorkAsWritten() async throws {
        _ = try ExternalTool.moto.require()
        let shell = ReadmeShell()
        defer { shell.stopAll() }
        let wanted = Self.commands.filter(ReadmeExpectation.needsMoto)
        try #require(!wanted.isEmpty, "the README shows no command against moto")
        // The README's own background commands first (the parity example names moto's port before the moto block).
        for command in wanted where command.background { try await shell.check(command) }
        for port in Set(wanted.flatMap(\.loopbackPorts)) where !shell.serving(readmePort: port) {
            try await shell.startMoto(readmePort: port)
        }
        for command in wanted where !command.background && !command.ciStep { try await shell.check(command) }
        // The GitHub Actions job: its own emulator, the baseline the README's command recorded, exit 0, a job summary.
        shell.stopAll()
        let steps = wanted.filter(\.ciStep)
        #expect(steps.count >= 4, "the README's workflow has \(steps.count) run: steps")
        for step in steps { try await shell.check(step) }
        let summary = (try? String(contentsOfFile: "\(shell.folder)/step-summary.md", encoding: .utf8)) ?? ""
        let quirk = MotoClockQuirk.explainsEveryNewCase(inReport: "\(shell.folder)/reports/report.json")
        #expect(
            summary.contains("Against the baseline") && (summary.contains(": 0 new") || quirk),
            "the job summary: \(summary.prefix(500))")
    }
}

extension ReadmeCommand {
    /// The ports of the loopback URLs the command names.
    var loopbackPorts: [Int] {
        endpoints.filter { Endpoint(url: $0).isLoopback }.compactMap { URL(string: $0)?.port }
    }
}
