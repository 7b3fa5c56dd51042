import CaseGenerator
import ConformanceRunner
import ConformanceSpec
import QueryProtocol
import ReferenceServer
import Transport

/// Runs cases on a target: the embedded reference server, started for the run and stopped after
/// it, or a URL with its credentials resolved and a preflight request first.
public enum TargetRunner {
    /// A line for the person running the suite (a warning, or a note about the target).
    public typealias Notice = @Sendable (String) -> Void

    /// Runs `cases` on `target`.
    ///
    /// - Parameters:
    ///   - notice: receives warnings that do not stop the run (an endpoint answering the preflight badly).
    /// - Throws: `TargetError` when the target cannot be used: no opt-in for a remote URL, no
    ///   credentials, or an endpoint that does not answer at all. Nothing is sent in those cases
    ///   but the preflight.
    public static func run(
        _ target: Target, settings: TargetSettings, spec: ServiceSpec, cases: [TestCase], goldens: String,
        options: ConformanceRun.Options,
        progress: ConformanceRun.Progress? = nil, notice: Notice? = nil
    ) async throws(TargetError) -> (report: RunReport, recordings: [CaseExecutor.Recording]) {
        try settings.check(target)
        var options = options
        options.account = settings.account
        switch target {
        case .url(let url):
            let endpoint = try resolvedEndpoint(url: url, settings: settings)
            try await preflight(spec: spec, endpoint: endpoint, settings: settings, notice: notice)
            let finalOptions = options
            return await ConformanceRun(
                spec: spec, endpoint: endpoint, goldenDirectory: goldens, options: finalOptions
            ).run(cases, progress: progress)
        case .embedded(let faults):
            // The embedded server checks SigV4 against the credentials the runner signs with, so the signature family runs.
            let credentials = AWSCredentials.localTesting
            // The embedded server lives in the region the run signs with (--region, else us-east-1).
            let region = settings.region ?? "us-east-1"
            let emulator = NeptuneEmulator(
                spec: spec,
                configuration: .init(
                    faults: Set(faults), region: region,
                    verifySignatures: [credentials.accessKeyId: credentials.secretAccessKey]))
            if !faults.isEmpty {
                options.notes.append(
                    "embedded reference server with faults: " + faults.map(\.rawValue).joined(separator: ", "))
            }
            // It answers from this process over loopback: no answer is lost on the way, so no change's fate is read.
            options.transport.answersMayBeLost = false
            let finalOptions = options
            let label =
                faults.isEmpty ? "embedded" : "embedded (faults: \(faults.map(\.rawValue).joined(separator: ", ")))"
            do {
                return try await ReferenceServer.withRunning(emulator: emulator) { url in
                    await ConformanceRun(
                        spec: spec, endpoint: Endpoint(url: url, region: region, label: label),
                        goldenDirectory: goldens,
                        options: finalOptions
                    )
                    .run(cases, progress: progress)
                }
            } catch {
                throw .unreachable(target: target.description, reason: "the embedded server did not start: \(error)")
            }
        }
    }

    /// The endpoint for a URL target, with credentials resolved (never printed). A loopback URL
    /// without an explicit profile falls back to local test credentials, which mocks accept.
    public static func resolvedEndpoint(url: String, settings: TargetSettings) throws(TargetError) -> Endpoint {
        let resolver = CredentialsResolver()
        let region = settings.region ?? resolver.region(profile: settings.profile) ?? "us-east-1"
        let endpoint = Endpoint(url: url, region: region)
        if endpoint.isLoopback && settings.profile == nil {
            let credentials = (try? resolver.resolve()) ?? .localTesting
            return Endpoint(url: url, region: region, credentials: credentials)
        }
        do {
            return Endpoint(url: url, region: region, credentials: try resolver.resolve(profile: settings.profile))
        } catch {
            throw .credentials(target: url, reason: error.description)
        }
    }

    /// One DescribeDBClusters first, so an endpoint that refuses connections stops the run instead of erroring every case.
    static func preflight(spec: ServiceSpec, endpoint: Endpoint, settings: TargetSettings, notice: Notice?)
        async throws(TargetError)
    {
        // Retried as any read: a throttled or dropped probe says nothing about the endpoint.
        let transport = NetworkTransport(options: settings.transport)
        // The spec's probe: a read without parameters that every endpoint answers and that creates nothing.
        let probe = Request(operation: spec.resources.probe ?? "", parameters: [])
        do {
            _ = try await QueryClient(spec: spec, endpoint: endpoint, transport: transport).send(probe)
            await transport.shutdown()
        } catch {
            await transport.shutdown()
            switch error {
            case .connectionRefused, .invalidURL, .tls:
                throw .unreachable(target: endpoint.url, reason: error.description)
            default:
                // It answers badly rather than not at all: run, and let every case say what went wrong.
                notice?("warning: \(error.description); running anyway, the cases will say what goes wrong")
            }
        }
    }
}
