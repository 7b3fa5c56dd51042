import ConformanceTestSupport
import Foundation
import Testing

/// Runs README commands as a newcomer would, in a fresh folder of its own, and checks each against
/// its `ReadmeExpectation`. Servers it starts are stopped by `stopAll()`.
final class ReadmeShell: @unchecked Sendable {
    let folder = RunCommandTests.temporaryDirectory()
    private let lock = NSLock()
    private var ports: [Int: Int] = [:]  // the README's port -> a free one here
    private var servers: [ChildProcess] = []
    private var serving: Set<Int> = []

    /// The environment of every command: this one, without AWS credentials or profiles.
    lazy var environment: [String: String] = {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("AWS_") }
        environment["AWS_SHARED_CREDENTIALS_FILE"] = "\(folder)/no-credentials"
        environment["AWS_CONFIG_FILE"] = "\(folder)/no-config"
        return environment
    }()

    func serving(readmePort: Int) -> Bool { lock.withLock { serving.contains(readmePort) } }

    /// Checks one command against what it must do; failures are recorded with the README line.
    func check(_ command: ReadmeCommand) async throws {
        let started = ContinuousClock.now
        defer { print("README line \(command.line): \(ContinuousClock.now - started) (\(command.text.prefix(70)))") }
        let location = Comment(rawValue: command.description)
        guard let expectation = ReadmeExpectation(command) else {
            Issue.record("no rule says what this README command must do: \(command)")
            return
        }
        switch expectation {
        case .runByCI:
            return  // `theFirstLinesGiveTheTwoCommandsOfANewcomer` checks that .ci/run runs it
        case .syntax:
            try await checkSyntax(command)
        case .ciStep:
            try await checkStep(command)
        case .exits(let status, let files):
            for file in files where !file.hasSuffix("baseline.json") {
                try? FileManager.default.removeItem(atPath: "\(folder)/\(file)")
            }
            // A baseline holds for one emulator state: each baseline command gets a fresh emulator, as a CI job does.
            if !command.values(of: "--baseline").isEmpty {
                for port in command.loopbackPorts { try await restartMoto(readmePort: port) }
            }
            let result = try await shell(command)
            let quirk =
                result.status == 1 && status == 0 && !command.values(of: "--baseline").isEmpty
                && MotoClockQuirk.explainsEveryNewCase(
                    inReport: "\(folder)/\(command.values(of: "--report-dir").last ?? "reports")/report.json")
            #expect(
                result.status == status || quirk,
                "\(location): exit \(result.status), the README implies \(status)\n\(result.stderr.suffix(1500))")
            for file in files {
                let size = (try? FileManager.default.attributesOfItem(atPath: "\(folder)/\(file)")[.size] as? Int) ?? 0
                #expect(size > 0, "\(location): \(file) was not written")
            }
        case .refusedBeforeSending:
            let started = ContinuousClock.now
            let result = try await shell(command)
            #expect(result.status == 2, "\(location): exit \(result.status)\n\(result.stderr)")
            #expect(result.stderr.contains("no credentials for"), "\(location): \(result.stderr)")
            #expect(!result.stderr.contains("Running"), "\(location): it started a run")
            #expect(ContinuousClock.now - started < .seconds(20), "\(location): a refusal must not wait on the network")
            // And without the opt-in, a usage error that names it.
            let words = command.text.replacingOccurrences(of: " --allow-real-endpoint", with: "")
            let unopted = try await shell(
                ReadmeCommand(line: command.line, text: words, background: false, inline: false))
            #expect(
                unopted.status == 64 && unopted.stderr.contains("--allow-real-endpoint"),
                "\(location) without --allow-real-endpoint: \(unopted.stderr)")
        case .serves(let faults):
            try await checkServer(command, faults: faults)
        case .unpacksRelease:
            try await checkUnpacking(command)
        case .startsServer(let port):
            let child = try ChildProcess(
                "/bin/bash", ["-c", "cd '\(folder)' && " + execLast(substituted(command.text))],
                environment: environment, output: .discard, error: .discard)
            lock.withLock {
                servers.append(child)
                serving.insert(port)
            }
            #expect(
                await Loopback.waitUntilListening(port: local(port), seconds: 120),
                "\(location): nothing listens on port \(local(port)) (README \(port))")
        }
    }

    /// Starts moto on the port the README gives (a stand-in for an emulator the README names, such as LocalStack).
    func startMoto(readmePort port: Int) async throws {
        let child = try ChildProcess(
            try ExternalTool.moto.require(), ["-p", "\(local(port))"], output: .discard, error: .discard)
        lock.withLock {
            servers.append(child)
            serving.insert(port)
        }
        #expect(
            await Loopback.waitUntilListening(port: local(port), seconds: 60),
            "moto did not start on port \(local(port))")
    }

    func stopAll() {
        let all = lock.withLock {
            defer {
                servers = []
                serving = []
            }
            return servers
        }
        for server in all {
            server.send(SIGKILL)  // moto_server ignores SIGTERM
            _ = server.wait()
        }
        // What a CI step left running in the background (a subshell's moto) is found by its port.
        for port in lock.withLock({ Array(ports.values) }) {
            _ = try? ChildProcess(
                "/usr/bin/pkill", ["-9", "-f", "moto_server -p \(port)"], output: .discard, error: .discard
            ).wait()
        }
    }

    /// Stops what serves the README's `port` and starts a fresh moto there.
    func restartMoto(readmePort port: Int) async throws {
        stopAll()
        try await Task.sleep(for: .milliseconds(200))
        try await startMoto(readmePort: port)
    }

    /// A `run:` step of the README's workflow: run from the package (the job's checkout) with the job's
    /// variables; it must exit 0, and a background emulator it starts must listen.
    func checkStep(_ command: ReadmeCommand) async throws {
        let location = Comment(rawValue: command.description)
        var environment = self.environment
        environment["GITHUB_WORKSPACE"] = folder
        environment["GITHUB_STEP_SUMMARY"] = "\(folder)/step-summary.md"
        let text = sampled(command, substituted(command.text))
        let result = try await ProcessResult.run(
            URL(fileURLWithPath: "/bin/bash"), ["-c", "cd '\(BuiltCLI.packageRoot.path)' && " + text],
            environment: environment)
        let quirk = result.status == 1 && MotoClockQuirk.explainsEveryNewCase(inReport: "\(folder)/reports/report.json")
        #expect(
            result.status == 0 || quirk,
            "\(location): exit \(result.status)\n\(result.stdout.suffix(1500))\n\(result.stderr.suffix(800))")
        if let port = command.values(of: "-p").first.flatMap(Int.init) {
            #expect(
                await Loopback.waitUntilListening(port: local(port), seconds: 120),
                "\(location): nothing listens on \(local(port))")
        }
    }

    /// The command with the substitutions the suite documents, and nothing else.
    func substituted(_ text: String) -> String {
        var text = text.replacingOccurrences(of: "swift run neptune-conformance", with: "'\(BuiltCLI.url.path)'")
        text = text.replacingOccurrences(of: "(moto_server -p", with: "(exec moto_server -p")
        if text.hasPrefix("neptune-conformance ") {
            text = "'\(BuiltCLI.url.path)'" + text.dropFirst("neptune-conformance".count)
        }
        text = text.replacingOccurrences(of: "bash Scripts/", with: "bash '\(BuiltCLI.packageRoot.path)'/Scripts/")
        let pattern = try! NSRegularExpression(pattern: #"(127\.0\.0\.1:|localhost:|-p |--port )([0-9]{2,5})\b"#)
        for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed() {
            let range = Range(match.range(at: 2), in: text)!
            text.replaceSubrange(range, with: String(local(Int(text[range])!)))
        }
        return text
    }

    /// A free loopback port standing for the README's `port`, the same one for every command.
    func local(_ port: Int) -> Int {
        lock.withLock {
            if let mapped = ports[port] { return mapped }
            let mapped = Loopback.freePort()
            ports[port] = mapped
            return mapped
        }
    }

    /// `a && b` as `a && exec b`, so the background process is the server itself (and killing it stops it).
    func execLast(_ text: String) -> String {
        guard let range = text.range(of: "&& ", options: .backwards) else { return "exec " + text }
        return text.replacingCharacters(in: range, with: "&& exec ")
    }

    func shell(_ command: ReadmeCommand) async throws -> ProcessResult {
        try await ProcessResult.run(
            URL(fileURLWithPath: "/bin/bash"),
            ["-c", "cd '\(folder)' && " + sampled(command, substituted(command.text))],
            environment: environment)
    }

    /// A command that runs the suite, but the README's first (the newcomer's main job) and those with a fault, runs one
    /// shard of
    /// it (`--shard 1/12` after `run` or `parity`): the flags, exit statuses and files are what is checked here, and
    /// the whole suite runs in the other tests (against moto once, in MotoRunTests; moto answers 70 to 290 requests a
    /// second, and the README shows six whole runs against it).
    func sampled(_ command: ReadmeCommand, _ text: String) -> String {
        // A command that switches a fault on runs whole: the fault's cases may all lie outside the shard.
        let namesFault = command.words.contains("--fault") || command.endpoints.contains { $0.hasPrefix("embedded:") }
        guard command.line > 10, !command.words.contains("--shard"), !namesFault else { return text }
        let pattern = try! NSRegularExpression(pattern: #"(neptune-conformance'?) (run|parity)\b"#)
        return pattern.stringByReplacingMatches(
            in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "$1 $2 --shard 1/12")
    }

    /// `serve` as written: it announces its URL and faults, accepts a connection, and stops on SIGTERM with status 0.
    func checkServer(_ command: ReadmeCommand, faults: [String]) async throws {
        let location = Comment(rawValue: command.description)
        let child = try ChildProcess(
            "/bin/bash", ["-c", "cd '\(folder)' && exec " + substituted(command.text)], environment: environment,
            error: .discard)
        let out = child.standardOutput!
        let announced = try await ProcessResult.onOwnThread { () -> String in
            var text = ""
            while !text.contains("\n"), case let data = out.availableData, !data.isEmpty {
                text += String(decoding: data, as: UTF8.self)
            }
            return text
        }
        guard let start = announced.range(of: "http://127.0.0.1:")?.upperBound,
            let port = Int(announced[start...].prefix { $0.isNumber })
        else {
            Issue.record("\(location): serve did not announce its URL; it printed \(announced.prefix(300))")
            child.send(SIGKILL)
            _ = child.wait()
            return
        }
        if let written = command.values(of: "--port").first.flatMap(Int.init) {
            #expect(port == local(written), "\(location): on port \(port)")
        }
        for fault in faults {
            #expect(announced.contains(fault), "\(location): the announcement does not name \(fault): \(announced)")
        }
        #expect(
            await Loopback.waitUntilListening(port: port, seconds: 10),
            "\(location): nothing accepts connections on \(port)")
        child.send(SIGTERM)
        let status = try await ProcessResult.onOwnThread { child.wait() }
        #expect(status == 0, "\(location): serve exited \(status) on SIGTERM")
    }

    /// `tar xzf` of a release archive, given one that `Scripts/package-release.sh` made of this build's binary: it
    /// exits 0 and leaves the binary with `Specs/`, `Golden/` and `Schemas/` beside it.
    func checkUnpacking(_ command: ReadmeCommand) async throws {
        let location = Comment(rawValue: command.description)
        let packed = try await ProcessResult.run(
            URL(fileURLWithPath: "/bin/bash"),
            [
                BuiltCLI.packageRoot.appendingPathComponent("Scripts/package-release.sh").path, "--binary",
                BuiltCLI.url.path, folder,
            ])
        try #require(packed.status == 0, "\(location): package-release.sh: \(packed.stderr.suffix(800))")
        let result = try await shell(command)
        #expect(result.status == 0, "\(location): exit \(result.status)\n\(result.stderr.suffix(800))")
        let unpacked = try FileManager.default.contentsOfDirectory(atPath: folder).filter {
            $0.hasPrefix("neptune-conformance-") && !$0.hasSuffix(".tar.gz")
        }
        #expect(unpacked.count == 1, "\(location): unpacked \(unpacked)")
        for name in ["neptune-conformance", "Specs/resources.yaml", "Golden", "Schemas/report.schema.json"] {
            #expect(
                FileManager.default.fileExists(atPath: "\(folder)/\(unpacked.first ?? "?")/\(name)"),
                "\(location): no \(name) in the archive")
        }
    }

    /// An inline syntax: the subcommand exists and its help names every option the README writes.
    func checkSyntax(_ command: ReadmeCommand) async throws {
        let location = Comment(rawValue: command.description)
        guard let subcommand = command.subcommand else {
            Issue.record("\(location): no subcommand")
            return
        }
        let words = command.words
        let help = try await ProcessResult.run(
            BuiltCLI.url,
            Array(
                words.drop { $0 != subcommand }.prefix {
                    !$0.hasPrefix("-") && !$0.hasPrefix("[") && $0.lowercased() == $0
                }) + ["--help"])
        #expect(help.status == 0, "\(location): `\(subcommand) --help` exits \(help.status): \(help.stderr)")
        for option in words.map({ $0.trimmingCharacters(in: CharacterSet(charactersIn: "[]")) })
        where option.hasPrefix("--") {
            #expect(help.stdout.contains(option), "\(location): `\(subcommand)` has no option \(option)")
        }
    }
}
