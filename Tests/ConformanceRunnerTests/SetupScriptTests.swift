import ConformanceTestSupport
import Foundation
import Testing

/// `Scripts/setup.sh`, the README's set-up: it installs what is missing and only that. Run here with a
/// stand-in `apt-get` (and `pkg-config`) first on PATH that record what they were asked to do, so no
/// package is installed by the test.
@Suite struct SetupScriptTests {
    /// A folder of stand-in commands: `apt-get` logs its arguments, `pkg-config` answers `libxml`.
    static func fakeTools(libxmlPresent: Bool) throws -> (bin: String, log: String) {
        let bin = RunCommandTests.temporaryDirectory()
        let log = "\(bin)/apt-get.log"
        let tools = [
            "apt-get": "#!/bin/sh\necho \"$*\" >> '\(log)'\n",
            "pkg-config": "#!/bin/sh\nexit \(libxmlPresent ? 0 : 1)\n",
            "id": "#!/bin/sh\necho 0\n",  // as root, as CI is: no sudo
            "uname": "#!/bin/sh\necho Linux\n",
        ]
        for (name, text) in tools {
            try text.write(toFile: "\(bin)/\(name)", atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: "\(bin)/\(name)")
        }
        return (bin, log)
    }

    static func setup(_ arguments: [String], bin: String) async throws -> ProcessResult {
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = "\(bin):/usr/bin:/bin"
        let script = BuiltCLI.packageRoot.appendingPathComponent("Scripts/setup.sh").path
        return try await ProcessResult.run(
            URL(fileURLWithPath: "/bin/bash"), [script] + arguments, environment: environment)
    }

    @Test func aMachineWithoutLibxml2GetsItAndPkgConfigFromAptGet() async throws {
        let (bin, log) = try Self.fakeTools(libxmlPresent: false)
        let result = try await Self.setup([], bin: bin)
        #expect(result.status == 0, "\(result.stderr)")
        let calls = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        #expect(calls.contains("update"), "\(calls)")
        #expect(calls.contains("install -y -qq libxml2-dev pkg-config"), "\(calls)")
        #expect(result.stderr.contains("setup: ready"))
    }

    @Test func aMachineThatHasEverythingInstallsNothing() async throws {
        let (bin, log) = try Self.fakeTools(libxmlPresent: true)
        let result = try await Self.setup([], bin: bin)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            !FileManager.default.fileExists(atPath: log),
            "apt-get ran: \((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")")
    }

    @Test func aBadArgumentIsAUsageError() async throws {
        let (bin, _) = try Self.fakeTools(libxmlPresent: true)
        let result = try await Self.setup(["--test"], bin: bin)
        #expect(result.status == 64 && result.stderr.contains("unknown argument '--test'"))
        let help = try await Self.setup(["--help"], bin: bin)
        #expect(help.status == 0 && help.stdout.contains("--tests") && !help.stdout.contains("set -euo"))
    }
}
