import ArgumentParser
import CaseGenerator
import ConformanceRunner
import ConformanceSpec
import ConformanceTargets
import Foundation
import QueryProtocol
import ReferenceServer
import Transport
import XMLCompare

/// How to reach a target: region and credentials for URLs, limits and opt-ins. Shared by `run`,
/// `record` and `parity`, and turned into the library's `TargetSettings` in one place.
struct ConnectionOptions: ParsableArguments {
    @Option(help: "The region for SigV4 (default: $AWS_REGION, the profile's region, else us-east-1).")
    var region: String?

    @Option(help: "The AWS profile for credentials (default: $AWS_PROFILE, else default).")
    var profile: String?

    @Flag(
        help: "Allow a non-loopback endpoint: the run creates real clusters there (prefixed, and deleted afterwards).")
    var allowRealEndpoint = false

    @Option(help: ArgumentHelp("Seconds to wait for one answer.", valueName: "seconds"))
    var timeout: Double = 30

    @Option(
        help: ArgumentHelp(
            "Seconds to wait for a cluster or instance to reach the state a step needs.", valueName: "seconds"))
    var stateTimeout: Double = 120

    @Option(help: "Cases run at the same time (on each target).")
    var concurrency = 8

    @Flag(help: "Run the signature family even when the endpoint does not seem to check signatures.")
    var signatureChecks = false

    @Option(
        help: ArgumentHelp(
            "Times one request may be sent again after throttling, HTTP 503 or 5xx, or a lost answer (0: never).",
            discussion:
                "As the AWS SDKs' standard mode: backoff from 100 ms doubling (random within it, at most 20 s), and a shared budget of 500 tokens (5 a retry, 10 after a timeout, refilled by successes). A request whose answer was lost is resent only when that is safe: a read always; a create, delete or change only when reads of the spec show it had no effect. Retries are counted per case and in the summary.",
            valueName: "n"))
    var retries = 2

    @Option(
        help: ArgumentHelp(
            "A PEM file of certificates to trust for https besides the system's ($AWS_CA_BUNDLE by default).",
            discussion:
                "For an endpoint behind a private CA or a local TLS proxy with a self-signed certificate. The host name (or IP address) of the URL must match the certificate either way; verification is never switched off.",
            valueName: "file"))
    var caBundle: String?

    /// `--ca-bundle`, else `$AWS_CA_BUNDLE` (as the AWS CLI and SDKs read it).
    var trustedCABundle: String? {
        caBundle ?? ProcessInfo.processInfo.environment["AWS_CA_BUNDLE"].flatMap { $0.isEmpty ? nil : $0 }
    }

    @OptionGroup(title: "Account resources") var account: AccountOptions

    func validate() throws {
        guard timeout > 0, timeout <= 3600 else {
            throw ValidationError("--timeout must be between 0 and 3600 seconds")
        }
        guard stateTimeout > 0, stateTimeout <= 7200 else {
            throw ValidationError("--state-timeout must be between 0 and 7200 seconds")
        }
        guard (1...256).contains(concurrency) else {
            throw ValidationError("--concurrency must be 1...256, not \(concurrency)")
        }
        guard (0...10).contains(retries) else { throw ValidationError("--retries must be 0...10, not \(retries)") }
        if let trustedCABundle { try Self.checkCABundle(trustedCABundle) }
    }

    var settings: TargetSettings {
        var settings = TargetSettings(
            region: region, profile: profile, allowRealEndpoint: allowRealEndpoint, timeout: timeout,
            stateTimeout: stateTimeout,
            concurrency: concurrency, signatureChecks: signatureChecks,
            caBundle: trustedCABundle, retries: retries)
        settings.account = account.given
        return settings
    }
}

/// Where the cases go (`--endpoint`, the embedded reference server by default), and how to reach it.
struct TargetOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The target: a URL such as http://127.0.0.1:5000 (moto), embedded (the default), or embedded:FAULT,… .",
            discussion: "A URL that is not loopback also needs --allow-real-endpoint.", valueName: "target"),
        transform: Target.argument)
    var endpoint: Target = .embedded

    @Option(
        help: "With the embedded server: a deliberate non-conformance to switch on (repeatable; see `serve --help`).")
    var fault: [Fault] = []

    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        if case .url(let url) = endpoint, !fault.isEmpty {
            throw ValidationError(TargetError.faultsNeedEmbedded(url).description)
        }
        do { try connection.settings.check(endpoint) } catch { throw ValidationError(error.description) }
    }

    /// `--endpoint` with the `--fault`s added (they are the same as `embedded:FAULT`).
    var target: Target {
        guard case .embedded(let faults) = endpoint, !fault.isEmpty else { return endpoint }
        return .embedded(faults: faults + fault.filter { !faults.contains($0) })
    }

    var settings: TargetSettings { connection.settings }
}

extension Target {
    /// `--endpoint`'s parser: a bad target is a one-line usage error that names it.
    @Sendable static func argument(_ text: String) throws -> Target {
        do { return try Target(parsing: text) } catch { throw ValidationError(error.description) }
    }
}

/// Which cases run.
struct SelectionOptions: ParsableArguments {
    @Option(help: "Only cases of this operation (repeatable).")
    var operation: [String] = []

    @Option(help: "Only cases of this kind (repeatable).")
    var kind: [TestCase.Kind] = []

    @Option(help: "Only cases with this tag, e.g. constraint:range (repeatable; all must match).")
    var tag: [String] = []

    @Option(
        name: .customLong("case"),
        help: ArgumentHelp("Only this case id, or ids starting with it (repeatable).", valueName: "id"))
    var cases: [String] = []

    @Option(help: "The seed for generated resource names.")
    var seed: UInt64 = 1

    @Option(
        help: ArgumentHelp(
            "Run only shard i of n (1-based), e.g. 2/4, to split the suite across CI jobs.", valueName: "i/n"))
    var shard: String?

    func validate() throws {
        if let shard {
            let parts = shard.split(separator: "/").compactMap { Int($0) }
            guard parts.count == 2, parts[1] >= 1, (1...parts[1]).contains(parts[0]) else {
                throw ValidationError("--shard takes i/n with 1 <= i <= n, e.g. --shard 1/4, not '\(shard)'")
            }
        }
    }

    /// How many cases the whole suite has with this seed, before selection and sharding.
    func suiteSize(spec: ServiceSpec) -> Int { CaseGenerator(spec: spec, seed: seed).generate().count }

    func select(from spec: ServiceSpec) throws -> [TestCase] {
        try select(from: CaseGenerator(spec: spec, seed: seed).generate(), spec: spec)
    }

    /// The cases of `all` (generated with this seed) that the options select. A selection that names
    /// nothing is a usage error (exit 64) with what to type instead; it is found only once the spec is
    /// loaded, so it is reported here rather than in `validate()`, and without the root command's usage.
    func select(from all: [TestCase], spec: ServiceSpec) throws -> [TestCase] {
        let known = spec.operations.map(\.name)
        for name in operation where !known.contains(name) {
            var message = "no operation '\(name)' in the spec; try one of: \(known.joined(separator: ", "))"
            if let near = known.first(where: { $0.lowercased() == name.lowercased() }) {
                message = "no operation '\(name)' in the spec; did you mean '\(near)'?"
            }
            throw Console.usage(message)
        }
        var selected = all.filter { testCase in
            (operation.isEmpty || operation.contains(testCase.operation))
                && (kind.isEmpty || kind.contains(testCase.kind))
                && tag.allSatisfy { testCase.tags.contains($0) }
                && (cases.isEmpty || cases.contains { testCase.id.hasPrefix($0) })
        }
        if let shard {
            let parts = shard.split(separator: "/").compactMap { Int($0) }
            selected = selected.enumerated().filter { $0.offset % parts[1] == parts[0] - 1 }.map(\.element)
        }
        if selected.isEmpty {
            throw Console.usage("no case matches the selection; `neptune-conformance cases` lists them")
        }
        return selected
    }
}

/// Runs cases on a target from the CLI: library errors become a message on standard error and exit 2.
enum CommandTargetRunner {
    /// Resolves a URL target's credentials before anything is announced or sent: exit 2 without them.
    static func checkCredentials(_ target: Target, settings: TargetSettings) throws {
        guard case .url(let url) = target else { return }
        do {
            _ = try TargetRunner.resolvedEndpoint(url: url, settings: settings)
        } catch {
            Console.error("error: \(error.description)")
            throw ExitCode(2)
        }
    }

    static func run(
        _ target: Target, settings: TargetSettings, spec: ServiceSpec, cases: [TestCase], goldens: String,
        options: ConformanceRun.Options,
        progress: ConformanceRun.Progress?
    ) async throws -> (report: RunReport, recordings: [CaseExecutor.Recording]) {
        do {
            return try await TargetRunner.run(
                target, settings: settings, spec: spec, cases: cases, goldens: goldens, options: options,
                progress: progress,
                notice: { Console.error($0) })
        } catch {
            Console.error("error: \(error.description)")
            throw ExitCode(2)
        }
    }
}

extension ConnectionOptions {
    /// `--ca-bundle` (or `$AWS_CA_BUNDLE`) must name a readable file holding at least one PEM certificate.
    static func checkCABundle(_ path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("--ca-bundle (or $AWS_CA_BUNDLE) '\(path)': the file cannot be read")
        }
        guard String(decoding: data, as: UTF8.self).contains("-----BEGIN CERTIFICATE-----") else {
            throw ValidationError(
                "--ca-bundle (or $AWS_CA_BUNDLE) '\(path)': no PEM certificate (-----BEGIN CERTIFICATE-----) in it")
        }
    }
}
