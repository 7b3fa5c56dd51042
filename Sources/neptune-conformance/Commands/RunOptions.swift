import ArgumentParser
import CaseGenerator
import ConformanceRunner
import ConformanceSpec
import Foundation
import QueryProtocol
import ReferenceServer
import Transport
import XMLCompare

/// Where the cases go: the embedded reference server or `--endpoint`, with credentials and limits.
struct TargetOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The endpoint to test, e.g. http://127.0.0.1:5000 for moto (default: the embedded reference server).",
        discussion: "Any address that is not loopback also needs --allow-real-endpoint.", valueName: "url"))
    var endpoint: String?

    @Option(help: "The region for SigV4 (default: $AWS_REGION, the profile's region, else us-east-1).")
    var region: String?

    @Option(help: "The AWS profile for credentials (default: $AWS_PROFILE, else default).")
    var profile: String?

    @Flag(help: "Allow a non-loopback endpoint: the run creates real clusters there (prefixed, and deleted afterwards).")
    var allowRealEndpoint = false

    @Option(help: "With the embedded server: a deliberate non-conformance to switch on (repeatable; see `serve --help`).")
    var fault: [Fault] = []

    @Option(help: ArgumentHelp("Seconds to wait for one answer.", valueName: "seconds"))
    var timeout: Double = 30

    @Option(help: ArgumentHelp("Seconds to wait for a cluster or instance to reach the state a step needs.", valueName: "seconds"))
    var stateTimeout: Double = 120

    @Option(help: "Cases run at the same time.")
    var concurrency = 8

    @Flag(help: "Run the signature family even when the endpoint does not seem to check signatures.")
    var signatureChecks = false

    @Option(help: ArgumentHelp(
        "The HTTP client for http:// endpoints: lean (keep-alive HTTP/1.1, the fast default) or async-http-client.",
        discussion: "https:// always goes through AsyncHTTPClient. Try async-http-client if an endpoint answers the default client in a way it refuses.",
        valueName: "client"))
    var httpClient: PlainHTTPClientChoice = .lean

    func validate() throws {
        if let endpoint {
            guard let url = URL(string: endpoint), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil else {
                throw ValidationError("--endpoint must be an http:// or https:// URL such as http://127.0.0.1:5000, not '\(endpoint)'")
            }
            if !Endpoint(url: endpoint).isLoopback && !allowRealEndpoint {
                throw ValidationError("\(endpoint) is not a loopback address: the run would create real clusters there. Add --allow-real-endpoint if that is what you want.")
            }
            if !fault.isEmpty { throw ValidationError("--fault applies to the embedded server only; drop --endpoint or --fault") }
        }
        guard timeout > 0, timeout <= 3600 else { throw ValidationError("--timeout must be between 0 and 3600 seconds") }
        guard stateTimeout > 0, stateTimeout <= 7200 else { throw ValidationError("--state-timeout must be between 0 and 7200 seconds") }
        guard (1...256).contains(concurrency) else { throw ValidationError("--concurrency must be 1...256, not \(concurrency)") }
    }

    /// The endpoint for a URL target, with credentials resolved (never printed).
    func resolvedEndpoint(url: String) throws -> Endpoint {
        let resolver = CredentialsResolver()
        let region = self.region ?? resolver.region(profile: profile) ?? "us-east-1"
        let endpoint = Endpoint(url: url, region: region)
        if endpoint.isLoopback && profile == nil {
            let credentials = (try? resolver.resolve()) ?? .localTesting
            return Endpoint(url: url, region: region, credentials: credentials)
        }
        do {
            return Endpoint(url: url, region: region, credentials: try resolver.resolve(profile: profile))
        } catch {
            Console.error("error: \(error.description)")
            throw ExitCode(2)
        }
    }

    var transport: TransportOptions {
        TransportOptions(timeout: .milliseconds(Int(timeout * 1000)), connections: concurrency, asyncHTTPClientOnly: httpClient == .asyncHTTPClient)
    }
}

/// `--http-client`.
enum PlainHTTPClientChoice: String, ExpressibleByArgument, CaseIterable {
    case lean
    case asyncHTTPClient = "async-http-client"
}

/// Which cases run.
struct SelectionOptions: ParsableArguments {
    @Option(help: "Only cases of this operation (repeatable).")
    var operation: [String] = []

    @Option(help: "Only cases of this kind (repeatable).")
    var kind: [TestCase.Kind] = []

    @Option(help: "Only cases with this tag, e.g. constraint:range (repeatable; all must match).")
    var tag: [String] = []

    @Option(name: .customLong("case"), help: ArgumentHelp("Only this case id, or ids starting with it (repeatable).", valueName: "id"))
    var cases: [String] = []

    @Option(help: "The seed for generated resource names.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Run only shard i of n (1-based), e.g. 2/4, to split the suite across CI jobs.", valueName: "i/n"))
    var shard: String?

    func validate() throws {
        if let shard {
            let parts = shard.split(separator: "/").compactMap { Int($0) }
            guard parts.count == 2, parts[1] >= 1, (1...parts[1]).contains(parts[0]) else {
                throw ValidationError("--shard takes i/n with 1 <= i <= n, e.g. --shard 1/4, not '\(shard)'")
            }
        }
    }

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
            if let near = known.first(where: { $0.lowercased() == name.lowercased() }) { message = "no operation '\(name)' in the spec; did you mean '\(near)'?" }
            throw Console.usage(message)
        }
        var selected = all.filter { testCase in
            (operation.isEmpty || operation.contains(testCase.operation)) && (kind.isEmpty || kind.contains(testCase.kind))
                && tag.allSatisfy { testCase.tags.contains($0) } && (cases.isEmpty || cases.contains { testCase.id.hasPrefix($0) })
        }
        if let shard {
            let parts = shard.split(separator: "/").compactMap { Int($0) }
            selected = selected.enumerated().filter { $0.offset % parts[1] == parts[0] - 1 }.map(\.element)
        }
        if selected.isEmpty { throw Console.usage("no case matches the selection; `neptune-conformance cases` lists them") }
        return selected
    }
}

/// Runs cases on the chosen target: an embedded reference server started for the run, or a URL.
enum TargetRunner {
    static func run(
        spec: ServiceSpec, target: TargetOptions, cases: [TestCase], goldens: String, options: ConformanceRun.Options, progress: ConformanceRun.Progress?
    ) async throws -> (report: RunReport, recordings: [CaseExecutor.Recording]) {
        if let url = target.endpoint {
            let endpoint = try target.resolvedEndpoint(url: url)
            try await preflight(spec: spec, endpoint: endpoint, timeout: target.transport)
            return await ConformanceRun(spec: spec, endpoint: endpoint, goldenDirectory: goldens, options: options).run(cases, progress: progress)
        }
        // The embedded server checks SigV4 against the credentials the runner signs with, so the signature family runs.
        let credentials = AWSCredentials.localTesting
        let emulator = NeptuneEmulator(
            spec: spec, configuration: .init(faults: Set(target.fault), verifySignatures: [credentials.accessKeyId: credentials.secretAccessKey]))
        var options = options
        if !target.fault.isEmpty { options.notes.append("embedded reference server with faults: " + target.fault.map(\.rawValue).joined(separator: ", ")) }
        let finalOptions = options
        return try await ReferenceServer.withRunning(emulator: emulator) { url in
            let endpoint = Endpoint(url: url, label: target.fault.isEmpty ? "embedded" : "embedded (faults: \(target.fault.map(\.rawValue).joined(separator: ", ")))")
            return await ConformanceRun(spec: spec, endpoint: endpoint, goldenDirectory: goldens, options: finalOptions).run(cases, progress: progress)
        }
    }

    /// One DescribeDBClusters first, so an endpoint that refuses connections stops the run with exit 2 instead of erroring every case.
    static func preflight(spec: ServiceSpec, endpoint: Endpoint, timeout: TransportOptions) async throws {
        var options = timeout
        options.throttlingRetries = 0
        let transport = NetworkTransport(options: options)
        do {
            _ = try await QueryClient(spec: spec, endpoint: endpoint, transport: transport).send(Request(operation: "DescribeDBClusters", parameters: []))
            await transport.shutdown()
        } catch {
            await transport.shutdown()
            switch error {
            case .connectionRefused, .invalidURL, .tls:
                Console.error("error: the endpoint cannot be reached: \(error.description)")
                throw ExitCode(2)
            default:
                // It answers badly rather than not at all: run, and let every case say what went wrong.
                Console.error("warning: \(error.description); running anyway, the cases will say what goes wrong")
            }
        }
    }
}
