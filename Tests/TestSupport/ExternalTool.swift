import Foundation

/// A program some tests need that the package cannot build: moto, Chromium, python3 with botocore.
///
/// Where the tool is missing, those tests are *skipped with the reason* (`.enabled(if: tool.runsHere,
/// Comment(rawValue: tool.skipReason))`), never passed. Under `CI=true` they are never skipped:
/// `.ci/run` installs every tool, so a missing one there is a failure (`try tool.require()`).
public struct ExternalTool: Sendable {
    /// What a person calls it.
    public let name: String
    /// How to get it.
    public let install: String
    /// The executable, when the machine has the tool.
    public let path: String?

    public struct Missing: Error, CustomStringConvertible {
        public let tool: String
        public let install: String
        public var description: String {
            "\(tool) is missing and CI=true requires it: \(install) (bash Scripts/setup.sh --tests does)"
        }
    }

    /// True under CI=true, where every tool must be there.
    public static var inCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    public var isAvailable: Bool { path != nil }
    /// Whether tests that need the tool run: it is here, or this is CI (where its absence fails them).
    public var runsHere: Bool { isAvailable || Self.inCI }
    /// The skip comment for a machine without the tool.
    public var skipReason: String { "\(name) is not installed here (\(install)); skipped, not passed" }

    /// The tool's executable; throws under CI when it is missing.
    public func require() throws -> String {
        guard let path else { throw Missing(tool: name, install: install) }
        return path
    }

    /// moto's server, an independently written (and not conformant) Neptune endpoint.
    public static let moto = ExternalTool(
        name: "moto_server", install: "pip install 'moto[server]'", path: onPath("moto_server"))

    /// Headless Chromium, to load the HTML reports as a browser does.
    public static let chromium = ExternalTool(
        name: "chromium", install: "apt-get install chromium",
        path: ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
            ?? onPath("chromium"))

    /// python3 that can import botocore, for the oracles in Tests/Tools.
    public static let botocore = ExternalTool(
        name: "python3 with botocore", install: "pip install botocore", path: pythonImporting("botocore"))

    /// python3 that can import boto3, to run applications written with it against `serve`.
    public static let boto3 = ExternalTool(
        name: "python3 with boto3", install: "pip install boto3", path: pythonImporting("boto3"))

    /// python3 that can import jsonschema, to validate outputs against Schemas/.
    public static let jsonschema = ExternalTool(
        name: "python3 with jsonschema", install: "pip install jsonschema", path: pythonImporting("jsonschema"))

    /// moto 5.2.1's own Neptune tests (`tests/test_neptune` of its source release, which `Scripts/setup.sh --tests`
    /// fetches into `.build/third-party`), with python3 that can import pytest and moto to run them.
    public static let motoNeptuneTests = ExternalTool(
        name: "moto 5.2.1's Neptune tests with pytest", install: "bash Scripts/setup.sh --tests",
        path: pythonImporting("pytest").flatMap { python in
            let suite = BuiltCLI.packageRoot.appendingPathComponent(".build/third-party/moto-5.2.1").path
            return FileManager.default.fileExists(atPath: suite + "/tests/test_neptune") && pythonCan(python, "moto")
                ? suite : nil
        })

    /// The openssl command, to make a self-signed certificate for a local TLS endpoint.
    public static let openssl = ExternalTool(
        name: "openssl", install: "apt-get install openssl", path: onPath("openssl"))

    /// True when `python` can import `module`.
    static func pythonCan(_ python: String, _ module: String) -> Bool {
        guard let child = try? ChildProcess(python, ["-c", "import \(module)"], output: .discard, error: .discard)
        else { return false }
        return child.wait() == 0
    }

    /// The first `name` on $PATH.
    static func onPath(_ name: String) -> String? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        return directories.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// python3's path when `import module` works there.
    static func pythonImporting(_ module: String) -> String? {
        guard let python = onPath("python3"),
            let child = try? ChildProcess(python, ["-c", "import \(module)"], output: .discard, error: .discard)
        else { return nil }
        return child.wait() == 0 ? python : nil
    }
}
