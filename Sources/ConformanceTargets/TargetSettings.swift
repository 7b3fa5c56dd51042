import ConformanceRunner
import Transport

/// How a run talks to its target: region and credentials for URLs, limits, and the opt-ins.
public struct TargetSettings: Sendable {
    /// The SigV4 region (nil: `$AWS_REGION`, the profile's region, else us-east-1).
    public var region: String?
    /// The credentials profile (nil: `$AWS_PROFILE`, else the environment or `default`).
    public var profile: String?
    /// Lets a run create resources on a non-loopback endpoint.
    public var allowRealEndpoint: Bool
    /// Seconds to wait for one answer.
    public var timeout: Double
    /// Seconds to wait for a resource to reach the state a step needs.
    public var stateTimeout: Double
    /// Cases in flight at once.
    public var concurrency: Int
    /// Run the signature family even where the endpoint does not seem to check signatures.
    public var signatureChecks: Bool
    /// A PEM file of certificates https trusts besides the system's.
    public var caBundle: String?
    /// Times one request may be sent again (`RetryPolicy.maxAttempts` - 1); 0 turns retries off.
    public var retries: Int
    /// Account resources given for the run (subnets, role, topic); what is not given is found on the target.
    public var account = AccountResources.Given()

    public init(
        region: String? = nil, profile: String? = nil, allowRealEndpoint: Bool = false, timeout: Double = 30,
        stateTimeout: Double = 120,
        concurrency: Int = 8, signatureChecks: Bool = false, caBundle: String? = nil,
        retries: Int = RetryPolicy.standard.maxAttempts - 1
    ) {
        self.retries = retries
        self.region = region
        self.profile = profile
        self.allowRealEndpoint = allowRealEndpoint
        self.timeout = timeout
        self.stateTimeout = stateTimeout
        self.concurrency = concurrency
        self.signatureChecks = signatureChecks
        self.caBundle = caBundle
    }

    /// The transport options these settings ask for.
    public var transport: TransportOptions {
        TransportOptions(
            timeout: .milliseconds(Int(timeout * 1000)), retry: RetryPolicy(maxAttempts: retries + 1),
            connections: concurrency, caBundle: caBundle)
    }

    /// The state timeout as a duration.
    public var stateWait: Duration { .milliseconds(Int(stateTimeout * 1000)) }

    /// Checks that `target` may be used with these settings (the real-endpoint opt-in).
    public func check(_ target: Target) throws(TargetError) {
        if case .url(let url) = target, !target.isLoopback, !allowRealEndpoint { throw .notLoopback(url) }
    }
}
